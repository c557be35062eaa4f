/**
 * `_time` as Splunk shows it (issue 11): Splunk Web's results table `2019-04-03 18:11:59.000` in the
 * user's zone; JSON/NDJSON ISO-8601 with the offset; CSV as the table. Sub-seconds are truncated as
 * Splunk's %3N truncates (Date and time format variables:
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/time-format-variables-and-modifiers/date-and-time-format-variables).
 */
import { describe, expect, it } from "vitest";
import { Table } from "../../../src/index.js";
import { writeCsv } from "../../../src/output/csv.js";
import { toTextTable } from "../../../src/output/format.js";
import { writeJson, writeNdjson } from "../../../src/output/json.js";
import { isoTime, uiTime } from "../../../src/output/time-display.js";
import { recorder } from "./support.js";

const t = Table.fromRows([{ _time: 1651380126.656542, host: "a" }, { _time: "already text", host: "b" }, { host: "c" }]);

function text(print: (out: (c: string) => void) => void): string {
  const r = recorder();
  print(r.out);
  return r.text();
}

describe("uiTime and isoTime", () => {
  it.each([
    [1554315119, "UTC", "2019-04-03 18:11:59.000", "2019-04-03T18:11:59.000+00:00"],
    [1651380126.656542, "UTC", "2022-05-01 04:42:06.656", "2022-05-01T04:42:06.656+00:00"],
    [1554315119.9999, "America/New_York", "2019-04-03 14:11:59.999", "2019-04-03T14:11:59.999-04:00"],
    [1704067200, "Asia/Kolkata", "2024-01-01 05:30:00.000", "2024-01-01T05:30:00.000+05:30"],
  ])("%s in %s", (epoch, tz, ui, iso) => {
    expect(uiTime(epoch, tz)).toBe(ui);
    expect(isoTime(epoch, tz)).toBe(iso);
  });

  it("leaves a time out of range as its number", () => {
    expect(uiTime(1e300, "UTC")).toBe("1e+300");
  });
});

describe("the printers show _time as Splunk does", () => {
  it("table and CSV: Splunk Web's form in the zone; text _time as it is", () => {
    const table = toTextTable(t, 160, { tz: "Europe/Paris" });
    expect(table).toContain("| 2022-05-01 06:42:06.656 | a    |");
    expect(table).toContain("| already text            | b    |");
    expect(table).not.toContain("1651380126");
    expect(text((o) => writeCsv(t, o, { tz: "UTC" }))).toBe("_time,host\n2022-05-01 04:42:06.656,a\nalready text,b\n,c\n");
  });

  it("JSON and NDJSON: ISO-8601 with the offset, other fields untouched", () => {
    expect(JSON.parse(text((o) => writeJson(t, o, { tz: "America/New_York" })))).toEqual([
      { _time: "2022-05-01T00:42:06.656-04:00", host: "a" }, { _time: "already text", host: "b" }, { host: "c" },
    ]);
    expect(text((o) => writeNdjson(t, o)).split("\n")[0]).toBe('{"_time":"2022-05-01T04:42:06.656+00:00","host":"a"}');
  });

  it("only _time: firstTime stays the epoch number Splunk shows until ctime/strftime", () => {
    const s = Table.fromRows([{ firstTime: 1651380126 }]);
    expect(text((o) => writeCsv(s, o))).toBe("firstTime\n1651380126\n");
  });
});
