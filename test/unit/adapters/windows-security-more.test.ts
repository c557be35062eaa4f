// Windows Security 4768/4769/4771/4776 → Authentication, 5136 → Change, 5140/5145 share fields and
// the WMI-Activity eventtype (ta-windows-kerberos.ts, ta-windows-objects.ts,
// windows-eventtypes-more.ts; all UNVERIFIED minispl choices, src/adapters/README.md). Records are
// written by hand in Windows' compact XML rendering (EventData order, Task and Keywords as the
// providers emit them); hosts, users, SIDs and GUIDs are invented.
import { describe, expect, it } from "vitest";
import { builtinMacros, runSearch } from "../../../src/index.js";
import { ingest, one } from "./fixtures.js";
import { classic } from "./classic-fixtures.js";

const DC = "dc-07.corp.example";
const OK = "0x8020000000000000";
const FAIL = "0x8010000000000000";
type Pairs = ReadonlyArray<readonly [string, string]>;

function sec(eid: number, version: number, task: number, keywords: string, data: Pairs): string {
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>" +
    `<EventID>${eid}</EventID><Version>${version}</Version><Level>0</Level><Task>${task}</Task><Opcode>0</Opcode>` +
    `<Keywords>${keywords}</Keywords><TimeCreated SystemTime='2024-03-11T08:15:42.3316271Z'/><EventRecordID>90${eid}</EventRecordID>` +
    "<Correlation/><Execution ProcessID='688' ThreadID='1944'/><Channel>Security</Channel>" +
    `<Computer>${DC}</Computer><Security/></System><EventData>` +
    data.map(([k, v]) => `<Data Name='${k}'>${v}</Data>`).join("") +
    "</EventData></Event>"
  );
}

const tgt = (user: string, status: string, ip = "::ffff:10.20.1.44"): string =>
  sec(4768, 0, 14339, status === "0x0" ? OK : FAIL, [
    ["TargetUserName", user], ["TargetDomainName", "CORP"], ["TargetSid", "S-1-5-21-411-922-733-1187"],
    ["ServiceName", "krbtgt"], ["ServiceSid", "S-1-5-21-411-922-733-502"], ["TicketOptions", "0x40810010"],
    ["Status", status], ["TicketEncryptionType", "0x12"], ["PreAuthType", "2"], ["IpAddress", ip],
    ["IpPort", "51734"], ["CertIssuerName", ""], ["CertSerialNumber", ""], ["CertThumbprint", ""],
  ]);
const E4769 = sec(4769, 0, 14337, OK, [
  ["TargetUserName", "k.ndiaye@CORP.EXAMPLE"], ["TargetDomainName", "CORP.EXAMPLE"], ["ServiceName", "SQL-03$"],
  ["ServiceSid", "S-1-5-21-411-922-733-2210"], ["TicketOptions", "0x40810000"], ["TicketEncryptionType", "0x17"],
  ["IpAddress", "::ffff:10.20.1.44"], ["IpPort", "51740"], ["Status", "0x0"],
  ["LogonGuid", "{3F2A1B0C-9D8E-7F6A-5B4C-3D2E1F0A9B8C}"], ["TransmittedServices", "-"],
]);
const E4771 = sec(4771, 0, 14339, FAIL, [
  ["TargetUserName", "svc-backup"], ["TargetSid", "S-1-5-21-411-922-733-1302"], ["ServiceName", "krbtgt/CORP.EXAMPLE"],
  ["TicketOptions", "0x40810010"], ["Status", "0x18"], ["PreAuthType", "2"], ["IpAddress", "::ffff:10.20.7.9"],
  ["IpPort", "60112"], ["CertIssuerName", ""], ["CertSerialNumber", ""], ["CertThumbprint", ""],
]);
const ntlm = (user: string, status: string): string =>
  sec(4776, 0, 14336, status === "0x0" ? OK : FAIL, [
    ["PackageName", "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"], ["TargetUserName", user], ["Workstation", "WS-HR-11"], ["Status", status],
  ]);
const E5136 = sec(5136, 0, 14081, OK, [
  ["OpCorrelationID", "{7C1D2E3F-4A5B-6C7D-8E9F-0A1B2C3D4E5F}"], ["AppCorrelationID", "-"],
  ["SubjectUserSid", "S-1-5-21-411-922-733-1187"], ["SubjectUserName", "t.varga"], ["SubjectDomainName", "CORP"],
  ["SubjectLogonId", "0x4a1f27"], ["DSName", "corp.example"], ["DSType", "%%14676"],
  ["ObjectDN", "CN=Finance Admins,OU=Groups,DC=corp,DC=example"], ["ObjectGUID", "{B0A1C2D3-E4F5-4A6B-8C7D-9E0F1A2B3C4D}"],
  ["ObjectClass", "group"], ["AttributeLDAPDisplayName", "nTSecurityDescriptor"], ["AttributeSyntaxOID", "2.5.5.15"],
  ["AttributeValue", "O:DAG:DAD:AI(A;;RPWP;;;S-1-5-21-411-922-733-1187)"], ["OperationType", "%%14674"],
]);
const share = (eid: 5140 | 5145, extra: Pairs): string =>
  sec(eid, eid === 5140 ? 1 : 0, eid === 5140 ? 12808 : 12811, OK, [
    ["SubjectUserSid", "S-1-5-21-411-922-733-1187"], ["SubjectUserName", "t.varga"], ["SubjectDomainName", "CORP"],
    ["SubjectLogonId", "0x4a1f27"], ["ObjectType", "File"], ["IpAddress", "::ffff:10.20.1.44"], ["IpPort", "52011"],
    ["ShareName", "\\\\*\\ADMIN$"], ["ShareLocalPath", "\\??\\C:\\Windows"], ...extra,
  ]);
const E5140 = share(5140, [["AccessMask", "0x1"], ["AccessList", "%%4416\n\t\t\t\t"]]);
const E5145 = share(5145, [
  ["RelativeTargetName", "PSEXESVC.exe"], ["AccessMask", "0x2"], ["AccessList", "%%4417\n\t\t\t\t"], ["AccessReason", "-"],
]);

/** Events of `text` in dataset `model` (`| tstats count`). */
const count = (text: string, model: string): number => {
  const { store } = ingest(text);
  const r = runSearch(`| tstats count from datamodel=${model}`, store, { macros: builtinMacros() });
  return Number(r.table?.rows()[0]?.count ?? 0);
};

describe("Kerberos / NTLM → Authentication", () => {
  it("4768 success: user, src without ::ffff:, dest, app, signature, eventtype", () => {
    expect(one(tgt("k.ndiaye", "0x0"))).toMatchObject({
      action: "success", user: "k.ndiaye", src: "10.20.1.44", src_ip: "10.20.1.44", dest: DC,
      app: "win:kerberos", authentication_service: "Kerberos", dest_nt_domain: "CORP",
      signature: "A Kerberos authentication ticket (TGT) was requested", signature_id: "4768",
      eventtype: expect.arrayContaining(["windows_kerberos_authentication"]),
      tag: ["authentication", "os", "track_event_signatures", "windows"],
    });
  });

  it("4768 with a non-zero Status is a failure; loopback is src but not src_ip", () => {
    const ev = one(tgt("k.ndiaye", "0x6", "::1"));
    expect(ev).toMatchObject({ action: "failure", src: "::1" });
    expect(ev.src_ip).toBeUndefined();
  });

  it("4769: user drops @REALM; raw fields stay as written", () => {
    expect(one(E4769)).toMatchObject({
      action: "success", user: "k.ndiaye", TargetUserName: "k.ndiaye@CORP.EXAMPLE", src: "10.20.1.44",
      ServiceName: "SQL-03$", TicketEncryptionType: "0x17", signature: "A Kerberos service ticket was requested",
    });
  });

  it("4771 is always a failure", () => {
    expect(one(E4771)).toMatchObject({ action: "failure", user: "svc-backup", src: "10.20.7.9", signature: "Kerberos pre-authentication failed" });
  });

  it("4776: src = Workstation, app win:ntlm, authentication_service = PackageName", () => {
    const ev = one(ntlm("m.okoro", "0xc000006a"));
    expect(ev).toMatchObject({
      action: "failure", user: "m.okoro", src: "WS-HR-11", app: "win:ntlm",
      authentication_service: "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0",
      eventtype: expect.arrayContaining(["windows_ntlm_authentication"]),
    });
    expect(ev.src_ip).toBeUndefined();
    expect(one(ntlm("m.okoro", "0x0")).action).toBe("success");
  });

  it("datasets: failures in Failed_Authentication, machine-account successes left out", () => {
    const text = [tgt("k.ndiaye", "0x0"), tgt("WS-HR-11$", "0x0"), E4769, E4771, ntlm("m.okoro", "0xc000006a"), ntlm("SQL-03$", "0x0")].join("\n");
    // In: 4768 k.ndiaye, 4769, 4771, 4776 m.okoro; out: the WS-HR-11$ and SQL-03$ successes.
    expect(count(text, "Authentication.Authentication")).toBe(4);
    expect(count(text, "Authentication.Successful_Authentication")).toBe(2);
    expect(count(text, "Authentication.Failed_Authentication")).toBe(2);
  });

  it("classic 4776: Error Code and Source Workstation feed the same fields", () => {
    const text = classic("03/11/2024 08:15:42 AM", [
      ["LogName", "Security"], ["EventCode", "4776"], ["EventType", "0"], ["ComputerName", DC],
      ["SourceName", "Microsoft Windows security auditing."], ["Type", "Information"], ["RecordNumber", "904776"],
      ["Keywords", "Audit Failure"], ["TaskCategory", "Credential Validation"], ["OpCode", "Info"],
    ], [
      "The computer attempted to validate the credentials for an account.", "",
      "Authentication Package:\tMICROSOFT_AUTHENTICATION_PACKAGE_V1_0", "Logon Account:\tm.okoro",
      "Source Workstation:\tWS-HR-11", "Error Code:\t0xc000006a",
    ]);
    expect(one(text)).toMatchObject({ action: "failure", user: "m.okoro", src: "WS-HR-11", app: "win:ntlm", tag: expect.arrayContaining(["authentication"]) });
  });
});

describe("5136 → Change", () => {
  it("object, object_attrs, action modified, src_user", () => {
    expect(one(E5136)).toMatchObject({
      action: "modified", object: "CN=Finance Admins,OU=Groups,DC=corp,DC=example", object_attrs: "nTSecurityDescriptor",
      object_category: "group", object_id: "{B0A1C2D3-E4F5-4A6B-8C7D-9E0F1A2B3C4D}", src_user: "t.varga", user: "t.varga",
      dest: DC, signature: "A directory service object was modified",
      eventtype: expect.arrayContaining(["windows_directory_object_modified"]), tag: ["change", "os", "track_event_signatures", "windows"],
    });
  });

  it("is in All_Changes but not in Account_Management", () => {
    expect(count(E5136, "Change.All_Changes")).toBe(1);
    expect(count(E5136, "Change.Account_Management")).toBe(0);
  });
});

describe("5140 / 5145 share access", () => {
  it("5145: share name/path, object = RelativeTargetName, src_ip, user", () => {
    expect(one(E5145)).toMatchObject({
      share_name: "\\\\*\\ADMIN$", share_path: "\\??\\C:\\Windows", object: "PSEXESVC.exe", src_ip: "10.20.1.44",
      src: "10.20.1.44", user: "t.varga", dest: DC, Share_Name: "\\\\*\\ADMIN$", RelativeTargetName: "PSEXESVC.exe",
    });
  });

  it("5140: object = ShareName; no eventtype beyond the Security ones, so no dataset", () => {
    const ev = one(E5140);
    expect(ev).toMatchObject({ object: "\\\\*\\ADMIN$", share_name: "\\\\*\\ADMIN$", src_ip: "10.20.1.44", user: "t.varga" });
    expect(ev.tag).toEqual(["os", "track_event_signatures", "windows"]);
    expect(ev.action).toBeUndefined();
  });
});

describe("WMI-Activity eventtype", () => {
  const wmi = (eid: string): string =>
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-WMI-Activity' " +
    `Guid='{1418EF04-B0B4-4623-BF7E-D74AB47BBDAA}'/><EventID>${eid}</EventID><Version>0</Version><Level>2</Level><Task>0</Task>` +
    "<Opcode>0</Opcode><Keywords>0x4000000000000000</Keywords><TimeCreated SystemTime='2024-03-11T08:20:01.1180000Z'/>" +
    "<EventRecordID>5512</EventRecordID><Correlation ActivityID='{A9C1E2F3-0B1C-0002-77D1-C3A9B20CDA01}'/><Execution ProcessID='1288' ThreadID='3340'/>" +
    `<Channel>Microsoft-Windows-WMI-Activity/Operational</Channel><Computer>${DC}</Computer><Security UserID='S-1-5-18'/></System>` +
    "<UserData><Operation_ClientFailure xmlns='http://manifests.microsoft.com/win/2006/windows/WMI'><Id>{00000000-0000-0000-0000-000000000000}</Id>" +
    "<ClientMachine>DC-07</ClientMachine><User>CORP\\t.varga</User><ClientProcessId>4410</ClientProcessId><Component>Unknown</Component>" +
    "<Operation>Start IWbemServices::ExecQuery - root\\cimv2 : SELECT * FROM Win32_Process</Operation><ResultCode>0x80041032</ResultCode>" +
    "<PossibleCause>Unknown</PossibleCause></Operation_ClientFailure></UserData></Event>";

  it("5858 gets wineventlog_wmi (os windows); other codes of the channel do not", () => {
    expect(one(wmi("5858"))).toMatchObject({ eventtype: expect.arrayContaining(["wineventlog_wmi"]), tag: ["os", "track_event_signatures", "windows"] });
    const other = one(wmi("5860"));
    expect(other.eventtype).not.toContain("wineventlog_wmi");
    expect(other.tag).toBe("track_event_signatures");
  });
});
