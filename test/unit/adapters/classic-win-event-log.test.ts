// Classic WinEventLog text (cim-mapping.md §3.2, §3.4 classic column; datasets.md §4.5): record
// splitting (also mixed with XML), header and message-label fields, _time, and the Security TA.
import { describe, it, expect } from "vitest";
import { ingest, one, sysmonXml, SYSMON_1 } from "./fixtures.js";
import { CLASSIC_HOST, classic, classic4104, classic4625, classic4688 } from "./classic-fixtures.js";
import { cleanKey, parseClassicDate } from "../../../src/adapters/classic-record.js";
import { detectFormat } from "../../../src/adapters/detect-format.js";

const XML = sysmonXml(1, "2024-03-09T00:05:31.120Z", SYSMON_1);

describe("classic 4104 (PowerShell) as in the real export", () => {
  const text = classic4104("01/14/2021 11:40:38 PM", 168250, "certutil.exe .\\powershellcert.pfx");
  const ev = one(text);

  it("has WinEventLog defaults from the header", () => {
    expect(ev).toMatchObject({
      source: "WinEventLog:Microsoft-Windows-PowerShell/Operational",
      sourcetype: "WinEventLog",
      host: CLASSIC_HOST,
      index: "main",
      EventCode: "4104",
      LogName: "Microsoft-Windows-PowerShell/Operational",
      Sid: "S-1-5-21-3917044220-1106293411-2950107717-1104",
      TaskCategory: "Execute a Remote Command",
      OpCode: "On create calls",
      RecordNumber: "168250",
      signature_id: "4104",
      dvc: CLASSIC_HOST,
      vendor_product: "Microsoft Windows",
      ScriptBlock_ID: "6f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b",
    });
  });

  it("reads the date line as UTC", () => {
    expect(ev._time).toBe(Date.UTC(2021, 0, 14, 23, 40, 38) / 1000);
  });

  it("keeps Message verbatim (CRLF inside) and _raw without the trailing line end", () => {
    expect(ev.Message).toBe("Creating Scriptblock text (1 of 1):\r\ncertutil.exe .\\powershellcert.pfx\r\n\r\nScriptBlock ID: 6f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b\r\nPath:");
    expect(ev._raw).toBe(text.slice(0, -1));
    expect(ev.Path).toBeUndefined();
  });

  it("gets the Windows sourcetype eventtypes but no Security ones", () => {
    expect(ev.eventtype).toEqual(["endpoint_services_processes", "windows_event_signature"]);
    expect(ev.tag).toBe("track_event_signatures");
  });
});

describe("classic 4688 → Endpoint.Processes (§3.4 classic column)", () => {
  const ev = one(classic4688());

  it("labels become fields, repeated labels multivalue in order", () => {
    expect(ev).toMatchObject({
      New_Process_Name: "C:\\Windows\\System32\\certutil.exe",
      New_Process_ID: "0x1f2c",
      Creator_Process_Name: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
      Token_Elevation_Type: "TokenElevationTypeDefault (1)",
      Mandatory_Label: "Mandatory Label\\High Mandatory Level",
      Account_Name: ["j.okafor", "-"],
      Account_Domain: ["CORP", "-"],
      Security_ID: ["CORP\\j.okafor", "NULL SID"],
      Logon_ID: ["0x5A3F1", "0x0"],
      Keywords: "Audit Success",
    });
  });

  it("maps the CIM process fields", () => {
    expect(ev).toMatchObject({
      dest: CLASSIC_HOST,
      process_path: "C:\\Windows\\System32\\certutil.exe",
      process_name: "certutil.exe",
      process_exec: "certutil.exe",
      process: "C:\\Windows\\System32\\certutil.exe -exportPFX -p secret my C:\\Users\\Public\\c.pfx",
      process_id: "0x1f2c",
      parent_process_id: "0x1a08",
      parent_process: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
      parent_process_path: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
      parent_process_name: "powershell.exe",
      user: "j.okafor",
      src_user: "j.okafor",
      src_nt_domain: "CORP",
      action: "allowed",
      Token_Elevation_Type_id: "1",
      signature: "A new process has been created",
      vendor_product: "Microsoft Windows",
    });
    expect(ev.tag).toEqual(["execute", "os", "process", "report", "start", "track_event_signatures", "windows"]);
  });

  it("a real target account wins over the creator; a full-path command line is kept", () => {
    const t = one(classic4688({ targetAccount: "svc_sql", commandLine: "C:\\Windows\\System32\\certutil.exe -dump" }));
    expect(t).toMatchObject({ user: "svc_sql", process: "C:\\Windows\\System32\\certutil.exe -dump" });
  });

  it("Audit Failure → blocked", () => {
    expect(one(classic4688({ keywords: "Audit Failure" })).action).toBe("blocked");
  });
});

describe("classic 4625 → Authentication", () => {
  it.each([
    ["0xC000006D", "failure"],
    ["0xC0000234", "denied"],
  ])("status %s → %s", (status, action) => {
    const ev = one(classic4625(status));
    expect(ev).toMatchObject({
      action,
      user: "svc_backup",
      src: "KALI-07",
      src_ip: "10.20.30.41",
      authentication_method: "3",
      authentication_service: "NTLM",
      Package_Name__NTLM_only_: "-",
      Logon_Process: "NtLmSsp ",
    });
    expect(ev.src_user).toBeUndefined();
    expect(ev.eventtype).toContain("windows_logon_failure");
  });
});

describe("record boundaries", () => {
  it("splits a mixed file: XML, classic, XML right after a classic block", () => {
    const a = classic4104("01/14/2021 11:40:38 PM", 1, "Get-Date");
    const b = classic4104("01/14/2021 11:41:39 PM", 2, "Get-Process");
    const { rows, report } = ingest(`${XML}\n${a}${XML}\n${b}`, {}, "mixed.raw");
    expect(report.skipped).toEqual([]);
    expect(report.byFormat).toEqual({ xmlwineventlog: 2, wineventlog: 2 });
    expect(rows.map((r) => r.EventCode)).toEqual(["1", "4104", "1", "4104"]);
    expect(rows[1]!._raw).toBe(a.slice(0, -1));
  });

  it("a date line inside a script block does not start a record", () => {
    const text = classic4104("01/14/2021 11:40:38 PM", 1, "$d = @'\r\n01/14/2021 11:40:39 PM\r\nnot a header\r\n'@");
    const { rows, report } = ingest(text);
    expect(report.skipped).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.Message).toContain("01/14/2021 11:40:39 PM\r\nnot a header");
  });

  it("a date line followed by a header line inside an open XML record stays in it", () => {
    const xml = XML.replace("<Data Name='RuleName'>-</Data>", "<Data Name='RuleName'>-\n01/14/2021 11:40:39 PM\nLogName=x</Data>");
    const { rows, report } = ingest(`${xml}\n`);
    expect(report.skipped).toEqual([]);
    expect(rows[0]!.RuleName).toBe("-\n01/14/2021 11:40:39 PM\nLogName=x");
  });

  it("reports a classic block without EventCode at its first line", () => {
    const bad = classic("01/14/2021 11:40:38 PM", [["LogName", "Security"]], ["x"]);
    const { rows, report } = ingest(`${XML}\n${bad}${XML}\n`, {}, "f.raw");
    expect(rows).toHaveLength(2);
    expect(report.skipped).toEqual([{ file: "f.raw", line: 2, reason: "classic record has no EventCode=" }]);
  });

  it("detects a classic-only file", () => {
    expect(detectFormat(classic4104("01/14/2021 11:40:38 PM", 1, "x"))?.name).toBe("wineventlog");
    expect(detectFormat("01/14/2021 11:40:38 PM\nhello")).toBeUndefined();
  });

  it("a forced source changes which add-on applies", () => {
    const ev = one(classic4104("01/14/2021 11:40:38 PM", 1, "x"), { source: "WinEventLog:Security", sourcetype: "WinEventLog" });
    expect(ev.source).toBe("WinEventLog:Security");
    expect(ev.eventtype).toContain("wineventlog_security");
  });
});

describe("helpers", () => {
  it.each([
    ["New Process Name", "New_Process_Name"],
    ["Package Name (NTLM only)", "Package_Name__NTLM_only_"],
    ["ScriptBlock ID", "ScriptBlock_ID"],
    ["2nd Value", "nd_Value"],
  ])("cleanKey(%s) = %s", (label, key) => expect(cleanKey(label)).toBe(key));

  it.each([
    ["01/14/2021 12:00:01 AM", Date.UTC(2021, 0, 14, 0, 0, 1)],
    ["01/14/2021 12:00:01 PM", Date.UTC(2021, 0, 14, 12, 0, 1)],
    ["1/4/2021 1:02:03 pm", Date.UTC(2021, 0, 4, 13, 2, 3)],
  ])("parseClassicDate(%s)", (line, ms) => expect(parseClassicDate(line)).toBe(ms / 1000));

  it("rejects out-of-range dates", () => {
    expect(parseClassicDate("13/14/2021 11:40:38 PM")).toBeUndefined();
    expect(parseClassicDate("01/14/2021 13:40:38 PM")).toBeUndefined();
  });
});
