/**
 * Did-you-mean for a sourcetype or source no event has (issue 11 item 9): a search that finds
 * nothing because of a typo warns with the nearest names of either field; data that is simply not
 * loaded, terms from macros and satisfied OR alternatives stay silent. Unknown datasets: an error
 * with the nearest dataset names.
 */
import { describe, expect, it } from "vitest";
import { builtinMacros, EventStore, runSearch } from "../../../src/index.js";

const SYSMON = "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational";
const store = new EventStore();
for (let i = 0; i < 4; i++) {
  const sec = i % 2 === 1;
  store.append({ time: 1_700_000_000 + i, fields: { index: "main", sourcetype: "XmlWinEventLog", source: sec ? "XmlWinEventLog:Security" : SYSMON, EventCode: sec ? "4688" : "1", _raw: `e${i}` } });
}
store.compact();

const macros = builtinMacros().with([{ name: "mine", args: [], definition: "sourcetype=XmlWinEventLg", origin: "test" }]);
const diags = (q: string, s = store) =>
  runSearch(q, s, { now: 1_700_000_000, macros }).diagnostics.map((d) => [d.severity, d.code, d.message, d.hints?.join(" ")]);

describe("unknown sourcetype and source values", () => {
  it.each([
    [`sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operationl`, "sourcetype", "XmlWinEventLog:Microsoft-Windows-Sysmon/Operationl", `source="${SYSMON}"`],
    ["sourcetype=XmlWinEventLg | stats count", "sourcetype", "XmlWinEventLg", 'sourcetype="XmlWinEventLog"'],
    ["source=XmlWinEventLog:Securty EventCode=4688", "source", "XmlWinEventLog:Securty", 'source="XmlWinEventLog:Security"'],
    ["index=main | search sourcetype IN (XmlWinEventLg)", "sourcetype", "XmlWinEventLg", 'sourcetype="XmlWinEventLog"'],
  ])("%s", (q, field, value, hint) => {
    expect(diags(q)).toEqual([["warning", "unknown-value", `search: no loaded event has ${field}="${value}"`, `did you mean ${hint}?`]]);
  });

  it.each([
    ["sourcetype=xmlwineventlog EventCode=9"], // known, case-insensitively: the other term found nothing
    ["sourcetype=aws:cloudtrail"], // not loaded, no near miss: silent
    ["sourcetype=XmlWinEventLg*"], // a pattern
    ["NOT sourcetype=XmlWinEventLg EventCode=9"],
    ["sourcetype=XmlWinEventLg OR sourcetype=XmlWinEventLog EventCode=9"], // an alternative is loaded
    ["`mine` EventCode=1"], // from a macro body (ESCU's sysmon macro names sources most data lacks)
    ["sourcetype=XmlWinEventLog"], // found events
  ])("no warning: %s", (q) => {
    expect(diags(q)).toEqual([]);
  });

  it("says nothing when no event is loaded", () => {
    expect(diags("sourcetype=XmlWinEventLg", new EventStore())).toEqual([]);
  });
});

describe("unknown dataset names", () => {
  it.each([
    ["| tstats count from datamodel=Endpoint.Procesess"],
    ["| tstats count from datamodel=Endpoint where nodename=Endpoint.Procesess"],
    ["| datamodel Endpoint Procesess search"],
    ["| from datamodel:Endpoint.Procesess"],
  ])("%s", (q) => {
    const d = diags(q);
    expect(d).toHaveLength(1);
    expect(d[0]?.[1]).toBe("unknown-datamodel");
    expect(d[0]?.[3]).toBe('did you mean "Endpoint.Processes"?');
  });
});
