// Glued XmlWinEventLog records (issue 10): two records on one line are two records, with the
// line each starts on; a record whose values merely mention </Event> stays whole.
import { describe, expect, it } from "vitest";
import { splitGluedRecords } from "../../../src/adapters/glued-xml.js";
import { parseXmlRecord } from "../../../src/adapters/xml-record.js";
import { ingestText } from "../../../src/adapters/ingest.js";
import { EventStore } from "../../../src/store/event-store.js";
import { SEC_4688, SYSMON_1, securityXml, sysmonXml } from "./fixtures.js";

const A = sysmonXml(1, "2024-03-09T00:05:31.120Z", SYSMON_1);
const B = securityXml(4688, "2024-03-09T00:05:31.490Z", SEC_4688);

describe("splitGluedRecords", () => {
  it.each([
    { name: "one record", text: A, pieces: [[A, 0]] },
    { name: "two glued", text: `${A}${B}`, pieces: [[A, 0], [B, 0]] },
    { name: "three glued with spaces", text: `${A} ${B}\t${A}`, pieces: [[A, 0], [B, 0], [A, 0]] },
    { name: "glued across a line end inside one record text", text: `${A}\r\n${B}`, pieces: [[A, 0], [B, 1]] },
    { name: "an escaped </Event> in a value", text: A.replace("cmd.exe", "cmd.exe &lt;/Event&gt;&lt;Event xmlns="), pieces: [[A.replace("cmd.exe", "cmd.exe &lt;/Event&gt;&lt;Event xmlns="), 0]] },
    { name: "text after the last record is kept with it (the caller reports it)", text: `${A}${B} tail`, pieces: [[A, 0], [`${B} tail`, 0]] },
  ])("$name", ({ text, pieces }) => {
    expect(splitGluedRecords(text).map((p) => [p.text, p.lineOffset])).toEqual(pieces);
  });

  it("each piece parses as its own event", () => {
    const ids = splitGluedRecords(`${A}${B}`).map((p) => parseXmlRecord(p.text)).map((r) => (typeof r === "string" ? r : r.eventId));
    expect(ids).toEqual(["1", "4688"]);
  });
});

describe("ingesting glued records", () => {
  it("gives one event per record, and a bad piece is skipped with its own line", () => {
    const store = new EventStore();
    const report = ingestText(store, `${A}${B}\n${A}<Event xmlns="x"><broken></Event>\n`, "glued.xml");
    expect(store.length).toBe(3);
    expect(Array.from({ length: store.length }, (_, r) => store.column("EventCode")?.value(r))).toEqual(["1", "4688", "1"]);
    expect(report.skipped.map((s) => s.line)).toEqual([2]);
  });
});
