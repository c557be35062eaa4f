// Windows Security TA emulation (cim-mapping.md §3): 4688 per §3.4, the process synthesis rule,
// the user rule, logons, and other Processes codes; XML and NXLog JSON must give identical CIM fields.
import { describe, it, expect } from "vitest";
import { HOST, SEC_4688, one, securityXml } from "./fixtures.js";
import { synthesizeProcess } from "../../../src/adapters/ta-windows-security.js";

const ev4688 = one(securityXml(4688, "2023-11-07T09:41:12.490213300Z", SEC_4688));

describe("4688 → CIM process fields (§3.4)", () => {
  it.each([
    ["dest", HOST],
    ["source", "XmlWinEventLog:Security"],
    ["process_path", "C:\\Windows\\System32\\ipconfig.exe"],
    ["process_name", "ipconfig.exe"],
    ["process_exec", "ipconfig.exe"],
    // first token `ipconfig` has no backslash → NewProcessName + " " + rest (double space eaten by \s*)
    ["process", "C:\\Windows\\System32\\ipconfig.exe /all"],
    ["process_id", "0x105c"],
    ["parent_process_id", "0xf50"],
    ["parent_process", "C:\\Windows\\System32\\cmd.exe"],
    ["parent_process_path", "C:\\Windows\\System32\\cmd.exe"],
    ["parent_process_name", "cmd.exe"],
    ["user", "r.moreau"],
    ["src_user", "r.moreau"],
    ["src_nt_domain", "LAB"],
    ["action", "allowed"],
    ["vendor_product", "Microsoft Windows"],
    ["Token_Elevation_Type_id", "1937"],
    ["signature", "A new process has been created"],
    ["signature_id", "4688"],
    ["user_id", undefined],
    ["process_integrity_level", undefined],
    ["parent_process_guid", undefined],
    ["tag", ["execute", "os", "process", "report", "start", "track_event_signatures", "windows"]],
  ])("%s", (field, expected) => expect(ev4688[field]).toEqual(expected));

  it("takes _time from TimeCreated SystemTime", () => {
    expect(ev4688._time).toBeCloseTo(Date.UTC(2023, 10, 7, 9, 41, 12, 490) / 1000 + 0.0002133, 6);
  });

  it("action is not allowed for other Keywords", () => {
    expect(one(securityXml(4688, "2023-11-07T09:41:12Z", SEC_4688, "0x8010000000000000")).action).toBeUndefined();
  });

  it("user is TargetUserName when that is a real account", () => {
    const data = SEC_4688.map(([k, v]) => [k, k === "TargetUserName" ? "svc_backup" : v] as const);
    expect(one(securityXml(4688, "2023-11-07T09:41:12Z", data))).toMatchObject({ user: "svc_backup", src_user: "r.moreau" });
  });
});

describe("4688 process synthesis", () => {
  const exe = "C:\\Program Files\\Acme Tools\\acme.exe";
  it.each([
    ["quoted path first token → verbatim", `"${exe}" --run`, exe, `"${exe}" --run`],
    ["bare name → quoted NewProcessName + rest", "acme.exe --run  now", exe, `"${exe}" --run  now`],
    ["bare name, path without spaces → unquoted", "cmd.exe /c dir", "C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\cmd.exe /c dir"],
    ["unquoted path first token → verbatim", "C:\\x\\y.exe a", "C:\\x\\y.exe", "C:\\x\\y.exe a"],
    ["no command line → NewProcessName", undefined, exe, exe],
    ["bare name alone (empty rest) → NewProcessName", "acme.exe", exe, exe],
  ])("%s", (_label, cmd, image, expected) => {
    expect(synthesizeProcess(cmd, image)).toBe(expected);
  });

  it("an empty CommandLine data item is absent, so process = NewProcessName", () => {
    const data = SEC_4688.map(([k, v]) => [k, k === "CommandLine" ? "" : v] as const);
    expect(one(securityXml(4688, "2023-11-07T09:41:12Z", data)).process).toBe("C:\\Windows\\System32\\ipconfig.exe");
  });
});

describe("other Security codes", () => {
  it("4689 is in Processes with the exiting process mapped", () => {
    const ev = one(
      securityXml(4689, "2023-11-07T09:41:20Z", [
        ["SubjectUserName", "r.moreau"],
        ["Status", "0x0"],
        ["ProcessId", "0x105c"],
        ["ProcessName", "C:\\Windows\\System32\\ipconfig.exe"],
      ]),
    );
    expect(ev).toMatchObject({ process_name: "ipconfig.exe", process_id: "0x105c", user: "r.moreau", action: "allowed" });
    expect(ev.tag).toEqual(["os", "process", "report", "track_event_signatures", "windows"]);
  });

  it.each([
    ["4624", "-", "success", ["authentication", "os", "track_event_signatures", "windows"]],
    ["4625", "0xc000006d", "failure", ["authentication", "os", "track_event_signatures", "windows"]],
    ["4625", "0xC0000234", "denied", ["authentication", "os", "track_event_signatures", "windows"]],
    ["4625", "0xc0000133", "error", ["os", "track_event_signatures", "windows"]],
  ])("%s status %s → action %s", (code, status, action, tags) => {
    const ev = one(
      securityXml(Number(code), "2023-11-07T09:30:00Z", [
        ["SubjectUserName", "-"],
        ["TargetUserName", "r.moreau"],
        ["TargetDomainName", "LAB"],
        ["Status", status],
        ["LogonType", "3"],
        ["AuthenticationPackageName", "NTLM"],
        ["WorkstationName", "KIOSK-3"],
        ["IpAddress", "10.9.8.50"],
      ]),
    );
    expect(ev).toMatchObject({ action, user: "r.moreau", src_ip: "10.9.8.50", dest: HOST, authentication_method: "3" });
    expect(ev.src).toBe(code === "4624" ? "10.9.8.50" : "KIOSK-3");
    expect(ev.src_user).toBeUndefined();
    expect(ev.tag).toEqual(tags);
  });

  it("4624 is not a process event", () => {
    const ev = one(securityXml(4624, "2023-11-07T09:30:00Z", [["TargetUserName", "r.moreau"]]));
    expect(ev.tag).not.toContain("process");
  });
});
