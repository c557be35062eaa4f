import { describe, expect, it } from "vitest";
import { EventStore, parseDetection, resolveDrilldown, resolveOffset, sliceStore, substituteTokens, takeHoursAgo } from "../../../src/index.js";

const det = parseDetection(`name: D
search: '| tstats count from datamodel=Endpoint.Processes by Processes.dest'
drilldown_searches:
- name: Results for $dest$
  search: '%original_detection_search% | search dest = $dest$'
  earliest_offset: $info_min_time$
  latest_offset: $info_max_time$
- name: Risk for $dest$ and $user$
  search: '| from datamodel Risk.All_Risk | search normalized_risk_object IN ($dest$, $user$) starthoursago=168 endhoursago=1 | stats count'
  earliest_offset: '-24h'
  latest_offset: '1700000000'
`, "d.yml").detection!;
const row = { dest: "PC 1", user: 'a"b\\c' };

describe("drilldown tokens", () => {
  it("parses drilldown_searches", () => {
    expect(det.drilldowns?.map((d) => [d.name, d.earliestOffset, d.latestOffset])).toEqual([
      ["Results for $dest$", "$info_min_time$", "$info_max_time$"],
      ["Risk for $dest$ and $user$", "-24h", "1700000000"],
    ]);
  });

  it("substitutes quoted field values and the original search once", () => {
    expect(substituteTokens("%original_detection_search% | search dest=$dest$ user=$user$ x=$missing$", row, "| makeresults"))
      .toBe('| makeresults | search dest="PC 1" user="a\\"b\\\\c" x=""');
    expect(substituteTokens("x=$dest$", { dest: "$user$%original_detection_search%" }, "S")).toBe('x="$user$%original_detection_search%"');
  });

  it("reads starthoursago as earliest and drops endhoursago with a note", () => {
    const r = takeHoursAgo("| search a=1 starthoursago=2 endhoursago=1 | stats count", 10000);
    expect(r.search).toBe("| search a=1 | stats count");
    expect(r.earliest).toBe(10000 - 7200);
    expect(r.notes).toHaveLength(1);
  });

  it("resolves offsets from the detection window, epoch numbers and relative modifiers", () => {
    const w = { earliest: 0, latest: null };
    expect(resolveOffset("$info_min_time$", "earliest", w, 100000, "UTC").at).toBe(0);
    expect(resolveOffset("$info_max_time$", "latest", w, 100000, "UTC").at).toBeNull();
    expect(resolveOffset("-1h", "earliest", w, 100000, "UTC").at).toBe(96400);
    expect(resolveOffset("12", "latest", w, 100000, "UTC").at).toBe(12);
    expect(resolveOffset("soon", "latest", w, 100000, "UTC").note).toContain("unreadable");
  });

  it("resolves a whole drilldown", () => {
    const [a, b] = det.drilldowns!.map((dd) => resolveDrilldown(dd, det, row, 1_000_000));
    expect(a).toMatchObject({ name: "Results for PC 1", earliest: 0, latest: null, notes: [] });
    expect(a?.search).toBe('| tstats count from datamodel=Endpoint.Processes by Processes.dest | search dest = "PC 1"');
    // The search string's starthoursago overrides earliest_offset.
    expect(b).toMatchObject({ earliest: 1_000_000 - 168 * 3600, latest: 1700000000 });
    expect(b?.search).not.toContain("hoursago");
  });
});

describe("sliceStore", () => {
  it("keeps the store when nothing falls outside, else copies the rows inside", () => {
    const store = new EventStore();
    store.append({ time: 10, fields: { a: "x", m: ["1", "2"] } });
    store.append({ time: 20, fields: { a: "y" } });
    expect(sliceStore(store, { earliest: 0, latest: null })).toBe(store);
    const s = sliceStore(store, { earliest: 10, latest: 20 });
    expect(s.length).toBe(1);
    expect([s.time(0), s.value(0, "a"), s.value(0, "m")]).toEqual([10, "x", ["1", "2"]]);
  });
});
