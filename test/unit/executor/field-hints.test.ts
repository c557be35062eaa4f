/**
 * Did-you-mean for field names no event or result has (issue 11 item 9): a warning with the
 * nearest names, at the command; nothing for a field that is merely null in every result.
 */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const store = new EventStore();
for (let i = 0; i < 5; i++) store.append({ time: 1_700_000_000 + i, fields: { index: "main", host: `h${i % 2}`, EventCode: "4688", _raw: `e${i}` } });
store.compact();

const warnings = (q: string) =>
  runSearch(q, store, { now: 1_700_000_000 }).diagnostics.map((d) => [d.severity, d.code, d.message, d.hints?.join(" ")]);

describe("unknown field names", () => {
  it.each([
    // stats right after the base search runs over the store (executor/scan-stats.ts)
    ["index=* | stats count by hots", "stats", "hots", '"host"'],
    // stats over a table
    ['| makeresults | eval host="a" | stats count by hots', "stats", "hots", '"host"'],
    ["index=* | table _time hots EventCode", "table", "hots", '"host"'],
    ["index=* | fields EventCod", "fields", "EventCod", '"EventCode"'],
  ])("%s", (q, command, field, hint) => {
    expect(warnings(q)).toEqual([["warning", "unknown-field", `${command}: no event or result has the field "${field}"`, `did you mean ${hint}?`]]);
  });

  it.each([
    ["index=* | stats count by host"],
    ["index=* | table _time host parent_process"], // null everywhere, no near miss: silent
    ["index=* | table host*"], // wildcards are patterns, not names
    ["index=* EventCode=1 | stats count by hots"], // no rows: nothing to say
    ["index=* | eval user=\"x\" | table user"],
  ])("no warning: %s", (q) => {
    expect(warnings(q)).toEqual([]);
  });
});
