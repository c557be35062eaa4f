/**
 * The events view (issue 11): per event a header (time as Splunk Web shows it, host, source,
 * sourcetype), `_raw` wrapped and cut with a marker, then only the fields the event has.
 */
import { describe, expect, it } from "vitest";
import { Table } from "../../../src/index.js";
import { footer, listedFields, MAX_RAW_CHARS, writeEventsView, type EventsViewOptions } from "../../../src/output/events-view.js";
import { CHUNK_LIMIT_BYTES, recorder } from "./support.js";

const events = Table.fromRows([
  { _time: 1554315119, host: "WIN-1", source: "XmlWinEventLog:Security", sourcetype: "XmlWinEventLog", _raw: "<Event>one</Event>", EventCode: 4688, user: "alice", _cd: "0:1", tag: ["process", "execute"] },
  { _time: 1554315100.5, host: "WIN-2", sourcetype: "XmlWinEventLog", _raw: "line one\nline two", EventCode: 1, Image: "" },
]);

function view(t: Table, opts: Partial<EventsViewOptions> = {}): string {
  const r = recorder();
  writeEventsView(t, r.out, { width: Infinity, ...opts });
  return r.text();
}

describe("writeEventsView", () => {
  it("prints a header, the raw text and the event's own fields, sorted as Splunk's field list", () => {
    expect(view(events)).toBe([
      "2019-04-03 18:11:59.000  host=WIN-1  source=XmlWinEventLog:Security  sourcetype=XmlWinEventLog",
      "<Event>one</Event>",
      "  EventCode = 4688",
      "  tag = process",
      "        execute",
      "  user = alice",
      "",
      "2019-04-03 18:11:40.500  host=WIN-2  sourcetype=XmlWinEventLog",
      "line one",
      "line two",
      "  EventCode = 1",
      "",
      "2 events",
      "",
    ].join("\n"));
  });

  it("shows the time in the --tz zone", () => {
    expect(view(events, { time: { tz: "Asia/Tokyo" } }).split("\n")[0]).toMatch(/^2019-04-04 03:11:59\.000 /);
  });

  it("lists only --fields (wildcards, in the given order)", () => {
    const text = view(events, { fields: ["user", "Event*", "nosuch"] });
    expect(text).toContain("<Event>one</Event>\n  user = alice\n  EventCode = 4688\n\n");
    expect(text).not.toContain("tag =");
  });

  it("wraps _raw at the width and cuts it past MAX_RAW_CHARS with a marker", () => {
    const long = Table.fromRows([{ _time: 0, _raw: "x".repeat(MAX_RAW_CHARS + 12_345) }]);
    const lines = view(long, { width: 100 }).split("\n");
    expect(lines.slice(1, -4).every((l) => l.length <= 100)).toBe(true);
    expect(lines.slice(1, -4).join("")).toBe("x".repeat(MAX_RAW_CHARS));
    expect(lines).toContain("… [12,345 more characters]");
  });

  it("says how many more events there are, or only that more follow when the search was cut", () => {
    expect(view(events, { maxEvents: 1 })).toMatch(/\n\n1 event shown; 1 more event \(--max-events <n> prints more, 0 all\)\n$/);
    expect(footer(100, 101, true)).toBe("\n100 events shown; more events follow (--max-events <n> prints more, 0 all)\n");
    expect(footer(0, 0, false)).toBe("0 events\n");
  });

  it("never passes an escape sequence from _raw to the terminal", () => {
    const hostile = Table.fromRows([{ _time: 0, _raw: "a\u001b[2Jb", x: "\u001b]0;title\u0007" }]);
    const text = view(hostile);
    expect(text).not.toMatch(/[\u001b\u0007]/);
    expect(text).toContain("a\ufffd[2Jb");
  });

  it("writes a big result in bounded chunks", () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ _time: i, _raw: "r".repeat(2000), n: i }));
    const r = recorder();
    writeEventsView(Table.fromRows(rows), r.out, { width: Infinity });
    expect(r.chunks.length).toBeGreaterThan(100);
    expect(r.maxBytes()).toBeLessThanOrEqual(CHUNK_LIMIT_BYTES);
  });
});

describe("listedFields", () => {
  it("leaves out internal fields and those the header shows", () => {
    expect(listedFields(["_time", "_raw", "_cd", "host", "source", "sourcetype", "b", "A", "c"])).toEqual(["A", "b", "c"]);
  });
});
