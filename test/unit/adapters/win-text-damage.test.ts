// Damage to the framing of Windows event text (issue 10, data fuzzer): a flipped bit in an XML
// record's `</Event>` made the record swallow the classic records after it (they were lost with
// it), and a flipped bit in a record's `<Event xmlns=` merged that record into the one before
// (whose fields then changed, silently). Each case damages one record of a mixed export; every
// other record must come out exactly as from the undamaged text, and the damaged one is a skipped
// record at its own line.
import { describe, expect, it } from "vitest";
import { SEC_4688, SYSMON_1, securityXml, sysmonXml, ingest } from "./fixtures.js";
import { classic4104 } from "./classic-fixtures.js";

const A = `${sysmonXml(1, "2024-03-09T00:05:31.120Z", SYSMON_1)}\n`;
const B = `${securityXml(4688, "2024-03-09T00:05:31.490Z", SEC_4688)}\n`;
const C1 = classic4104("01/14/2021 11:41:39 PM", 168274, "certutil.exe -p pw .\\cert.pfx");
const C2 = classic4104("1/14/2021 11:42:08 PM", 168275, "whoami /all");
/** A multi-line XML record whose value holds a date line and a `Key=` line (and still closes). */
const M = `${sysmonXml(1, "2024-03-09T00:06:00.000Z", SYSMON_1.map(([k, v]) => [k, k === "CommandLine" ? `${v}\n01/14/2021 11:41:39 PM\nLogName=x\n` : v] as const))}\n`;

const NO_CLOSE = "record has no closing </Event>";
const OUTSIDE = "text outside any record (no <Event xmlns=… or MM/DD/YYYY hh:mm:ss AM|PM line)";

interface Case {
  readonly name: string;
  readonly records: readonly string[];
  /** The record damaged, and how. */
  readonly hit: number;
  readonly damage: (record: string) => string;
  /** Its skipped-record reason (`undefined`: none, the damage costs nothing). */
  readonly reason: string | undefined;
}

const flipClose = (r: string): string => r.replace("</Event>", "</Evdnt>");
const cases: Case[] = [
  { name: "</Event> hit, a classic record next", records: [A, C1, B], hit: 0, damage: flipClose, reason: NO_CLOSE },
  { name: "</Event> hit, two classic records next", records: [B, A, C1, C2, B], hit: 1, damage: flipClose, reason: NO_CLOSE },
  { name: "</Event> hit, an XML record next", records: [A, B, C1], hit: 0, damage: flipClose, reason: NO_CLOSE },
  { name: "</Event> hit in the last record", records: [C1, A], hit: 1, damage: (r) => r.replace("</Event>", "<\\Event>"), reason: NO_CLOSE },
  { name: "<Event xmlns= hit after an XML record", records: [A, B, C1], hit: 1, damage: (r) => r.replace("<Event xmlns=", "<Dvent xmlns="), reason: OUTSIDE },
  { name: "<Event xmlns= hit after a multi-line XML record", records: [M, B, A], hit: 1, damage: (r) => r.replace("<Event xmlns=", "<Event xmlnq="), reason: OUTSIDE },
  { name: "a classic date line hit after a classic record", records: [C2, C1, B], hit: 1, damage: (r) => r.replace("/", "?"), reason: OUTSIDE },
  { name: "a classic date line hit between classic records", records: [A, C1, C2, C1], hit: 2, damage: (r) => r.replace("PM", "PL"), reason: OUTSIDE },
  { name: "bytes inserted after a classic date line", records: [C1, C2, B], hit: 1, damage: (r) => r.replace(" PM\n", " PM\nsafely as well as \n"), reason: OUTSIDE },
  { name: "a classic date line hit after an XML record", records: [A, C1, B], hit: 1, damage: (r) => r.replace("2021", "2\x0021"), reason: OUTSIDE },
];

const lineOf = (records: readonly string[], k: number): number => 1 + (records.slice(0, k).join("").match(/\n/g)?.length ?? 0);

describe("Windows text: a damaged record costs itself only", () => {
  it.each(cases)("$name", ({ records, hit, damage, reason }) => {
    const whole = ingest(records.join(""), {}, "mixed.raw");
    expect(whole.report.skipped).toEqual([]);
    expect(whole.rows).toHaveLength(records.length);
    const damaged = ingest(records.map((r, i) => (i === hit ? damage(r) : r)).join(""), {}, "mixed.raw");
    expect(damaged.rows).toEqual(whole.rows.filter((_r, i) => i !== hit));
    expect(damaged.report.skipped).toEqual(reason === undefined ? [] : [{ file: "mixed.raw", line: lineOf(records, hit), reason }]);
  });

  it("a classic message that mentions LogName= (without the next header key) stays whole", () => {
    const quoted = classic4104("1/14/2021 11:43:00 PM", 168276, "echo x\r\nLogName=Security\r\nEventCode=4624");
    const { rows, report } = ingest([quoted, C2].join(""), {}, "mixed.raw");
    expect(report.skipped).toEqual([]);
    expect(rows.map((r) => r.RecordNumber)).toEqual(["168276", "168275"]);
    expect(String(rows[0]!.Message)).toContain("LogName=Security");
  });

  it("a date line and a Key= line inside a record that closes stay in it (minispl choice)", () => {
    const { rows, report } = ingest([C1, M, C2].join(""), {}, "mixed.raw");
    expect(report.skipped).toEqual([]);
    expect(rows.map((r) => r.EventCode)).toEqual(["4104", "1", "4104"]);
    expect(String(rows[1]!.CommandLine)).toContain("\n01/14/2021 11:41:39 PM\nLogName=x\n");
  });

  it("an unclosed record that held a date line and a Key= line gives the classic records back", () => {
    const { rows, report } = ingest([flipClose(M), C2].join(""), {}, "mixed.raw");
    // The record is damaged, so what looked like a classic record inside it is read as one.
    expect(report.skipped[0]).toEqual({ file: "mixed.raw", line: 1, reason: NO_CLOSE });
    expect(rows.at(-1)!.RecordNumber).toBe("168275");
  });
});
