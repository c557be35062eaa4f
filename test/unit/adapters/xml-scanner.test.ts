// The XmlWinEventLog scanner: record splitting at `<Event xmlns=` line starts, multi-line values,
// entities kept, empty and unnamed Data, Qualifiers, CRLF, and malformed records reported at file:line.
import { describe, it, expect } from "vitest";
import { HOST, SEC_4688, SYSMON_1, ingest, one, securityXml, sysmonXml } from "./fixtures.js";

const GOOD_A = sysmonXml(1, "2023-11-07T09:41:12.523Z", SYSMON_1);
const GOOD_B = securityXml(4688, "2023-11-07T09:41:12.490Z", SEC_4688);

/** A PowerShell 4104 whose ScriptBlockText spans three lines (one starts with `<Event`, escaped). */
const MULTILINE =
  "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-PowerShell' Guid='{A0C1853B-5C40-4B15-8766-3CF1C58F985A}'/>" +
  "<EventID>4104</EventID><Version>1</Version><Level>5</Level><Task>2</Task><Opcode>15</Opcode><Keywords>0x0</Keywords>" +
  "<TimeCreated SystemTime='2023-11-07T09:50:01.004412300Z'/><EventRecordID>9081</EventRecordID><Correlation ActivityID='{1C2D3E4F-0000-0001-A1B2-C3D4E5F60718}'/>" +
  "<Execution ProcessID='3920' ThreadID='5124'/><Channel>Microsoft-Windows-PowerShell/Operational</Channel><Computer>" + HOST + "</Computer>" +
  "<Security UserID='S-1-5-21-1004336348-1177238915-682003330-1113'/></System><EventData><Data Name='MessageNumber'>1</Data><Data Name='MessageTotal'>1</Data>" +
  "<Data Name='ScriptBlockText'>$a = 1\n&lt;Event xmlns= is just text here\r\nif ($a -gt 0) { 'x' &amp; 'y' }  </Data>" +
  "<Data Name='ScriptBlockId'>0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0</Data><Data Name='Path'/></EventData></Event>";

describe("record splitting", () => {
  it("keeps a multi-line value inside its record, untrimmed and undecoded", () => {
    const { rows, report } = ingest([GOOD_A, MULTILINE, GOOD_B].join("\n") + "\n");
    expect(report.skipped).toEqual([]);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.ScriptBlockText).toBe("$a = 1\n&lt;Event xmlns= is just text here\r\nif ($a -gt 0) { 'x' &amp; 'y' }  ");
    expect(rows[1]!._raw).toBe(MULTILINE);
    expect(rows[1]!.Path).toBeUndefined();
    expect(rows[1]!.source).toBe("XmlWinEventLog:Microsoft-Windows-PowerShell/Operational");
  });

  it("handles CRLF line ends and a BOM", () => {
    const { rows, report } = ingest(`\uFEFF${GOOD_A}\r\n${GOOD_B}\r\n`);
    expect(report.skipped).toEqual([]);
    expect(rows.map((r) => r.EventCode)).toEqual(["1", "4688"]);
    expect(rows[0]!._raw).toBe(GOOD_A);
  });
});

describe("malformed records are skipped at their first line, neighbours kept", () => {
  const noClose = GOOD_A.slice(0, GOOD_A.indexOf("</EventData>"));
  const noEventId = GOOD_B.replace("<EventID>4688</EventID>", "");
  const noChannel = GOOD_B.replace("<Channel>Security</Channel>", "");
  it.each([
    ["no </Event>", noClose, "record has no closing </Event>"],
    ["no EventID", noEventId, "no <EventID>"],
    ["no Channel", noChannel, "no <Channel>"],
  ])("%s", (_label, bad, reason) => {
    const text = [GOOD_A, MULTILINE, bad, GOOD_B].join("\n");
    const { rows, report } = ingest(text, {}, "C:/logs/host.xml");
    expect(rows.map((r) => r.EventCode)).toEqual(["1", "4104", "4688"]);
    // MULTILINE spans 3 lines, so the bad record starts on line 5.
    expect(report.skipped).toEqual([{ file: "C:/logs/host.xml", line: 5, reason }]);
  });

  it("reports text outside any record", () => {
    const { rows, report } = ingest(`junk header\n${GOOD_A}\n01/14/2021 11:40:38 PM\nLogName=Security\n${GOOD_B}\n`);
    expect(rows).toHaveLength(2);
    expect(report.skipped.map((s) => s.line)).toEqual([1, 3]);
  });
});

describe("System element forms", () => {
  it("reads EventID with Qualifiers, empty Channel element, and extra attributes", () => {
    const rec = GOOD_B.replace("<EventID>4688</EventID>", "<EventID Qualifiers='16384'>7045</EventID>")
      .replace("<Channel>Security</Channel>", "<Channel/>")
      .replace("<Correlation/>", "<Correlation ActivityID='{0A0B0C0D-0000-0000-0000-000000000001}'/>");
    const ev = one(rec);
    expect(ev).toMatchObject({ EventCode: "7045", EventID: "7045", Qualifiers: "'16384'", source: "XmlWinEventLog:" });
    expect(ev.ActivityID).toBe("'{0A0B0C0D-0000-0000-0000-000000000001}'");
    expect(ev.Correlation).toBeUndefined();
  });

  it("keeps EventData_Xml / UserData_Xml blocks and skips unnamed Data", () => {
    const rec = GOOD_B.replace(/<EventData>.*<\/EventData>/, "<EventData><Data>first</Data><Data Name='Known'>v</Data></EventData><UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'><SubjectUserName>r.moreau</SubjectUserName></LogFileCleared></UserData>");
    const ev = one(rec);
    expect(ev.Known).toBe("v");
    expect(ev.Data).toBeUndefined();
    expect(ev.EventData_Xml).toBe("<EventData><Data>first</Data><Data Name='Known'>v</Data></EventData>");
    expect(ev.UserData_Xml).toMatch(/^<UserData><LogFileCleared .*<\/UserData>$/);
    expect(ev.SubjectUserName).toBeUndefined();
  });

  it("makes a repeated Data name multivalue", () => {
    const rec = GOOD_B.replace(/<EventData>.*<\/EventData>/, "<EventData><Data Name='Sid'>S-1-5-18</Data><Data Name='Sid'>S-1-5-19</Data></EventData>");
    expect(one(rec).Sid).toEqual(["S-1-5-18", "S-1-5-19"]);
  });

  it("uses opts.host / index / sourcetype overrides", () => {
    const ev = one(GOOD_B, { host: "collector-1", index: "wineventlog", sourcetype: "xmlwineventlog" });
    expect(ev).toMatchObject({ host: "collector-1", index: "wineventlog", sourcetype: "xmlwineventlog", dest: HOST });
    expect(ev.tag).toContain("process");
  });
});
