/** savedsearch's saved-search set and collect's index across searches of one store. */
import { describe, expect, it } from "vitest";
import { detectionSavedSearches, EventStore, MacroTable, parseDetection, runSearch, savedSearchList } from "../../../../src/index.js";

const det = parseDetection(`name: Test Rule
type: TTP
search: '| makeresults | eval hit=1 | \`test_rule_filter\`'
`, "test_rule.yml").detection;

describe("savedsearch", () => {
  it("finds a detection by its name and by ESCU - <name> - Rule, with its filter macro defined", () => {
    const saved = detectionSavedSearches(() => (det ? [det] : []), new MacroTable());
    for (const q of ["| savedsearch \"Test Rule\"", '| savedsearch "ESCU - Test Rule - Rule"']) {
      const r = runSearch(q, new EventStore(), { now: 1, savedSearches: saved });
      expect(r.diagnostics.filter((d) => d.severity === "error"), q).toEqual([]);
      expect(r.table?.rows(), q).toEqual([{ _time: 1, hit: 1 }]);
    }
  });

  it("reads the detections only when a search says savedsearch", () => {
    let reads = 0;
    const saved = detectionSavedSearches(() => (reads++, []), new MacroTable());
    runSearch("| makeresults", new EventStore(), { savedSearches: saved });
    expect(reads).toBe(0);
    runSearch("| savedsearch x", new EventStore(), { savedSearches: saved });
    expect(reads).toBe(1);
  });

  it("an unknown name is an error at the name, with the nearest names as hints", () => {
    const saved = savedSearchList([{ name: "Excessive Logins", search: "| makeresults" }]);
    const r = runSearch('| savedsearch "Excesive Logins"', new EventStore(), { savedSearches: saved });
    const e = r.diagnostics.find((d) => d.severity === "error");
    expect(e?.message).toContain('no loaded saved search is named "Excesive Logins"');
    expect(e?.hints.join(" ")).toContain("Excessive Logins");
    expect([e?.span?.start, e?.span?.end]).toEqual([14, 31]);
  });

  it("a saved search that runs itself stops with an error, not a stack overflow", () => {
    const saved = savedSearchList([{ name: "a", search: "| savedsearch b" }, { name: "b", search: "| savedsearch a" }]);
    const r = runSearch("| savedsearch a", new EventStore(), { savedSearches: saved });
    expect(r.diagnostics.find((d) => d.severity === "error")?.message).toMatch(/runs itself/);
  });

  it("an error inside the saved search names it", () => {
    const saved = savedSearchList([{ name: "broken", search: "| makeresults | nosuchcommand" }]);
    const r = runSearch("| savedsearch broken", new EventStore(), { savedSearches: saved });
    expect(r.diagnostics.find((d) => d.severity === "error")?.message).toContain('in saved search "broken"');
  });
});

describe("collect", () => {
  it("writes an index that a later search over the same store finds (REPL, hunt)", () => {
    const store = new EventStore();
    const first = runSearch('| makeresults count=2 | streamstats count AS n | eval user="u".n | collect index=notes', store, { now: 100 });
    expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const later = runSearch("index=notes | sort user | table user n sourcetype", store, { now: 200 });
    expect(later.table?.rows()).toEqual([
      { user: "u1", n: "1", sourcetype: "stash" },
      { user: "u2", n: "2", sourcetype: "stash" },
    ]);
  });
});
