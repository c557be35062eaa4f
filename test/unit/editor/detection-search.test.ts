/** detectionSearch: a detection YAML's search as it runs, and its offsets mapped both ways. */
import { describe, expect, it } from "vitest";
import { detectionSearch } from "../../../src/index.js";

const YAML = [
  "name: Odd Quotes",
  "id: 1",
  "type: TTP",
  "search: '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=''x.exe''",
  "  by Processes.dest | `odd_quotes_filter`'",
  "tags:",
  "  message: hi",
  "",
].join("\n");

const PLAIN = ["name: Plain", "type: Hunting", "search: index=main EventCode=1 | statz count", ""].join("\n");

describe("detectionSearch", () => {
  it("reads the search as it runs, with its filter macro defined", () => {
    const r = detectionSearch(YAML, "d.yml");
    expect(r.search?.text).toBe("| tstats count from datamodel=Endpoint.Processes where Processes.process_name='x.exe' by Processes.dest | `odd_quotes_filter`");
    expect(r.search?.macros().get("odd_quotes_filter", 0)?.definition).toBe("search *");
  });

  it.each([
    // [YAML, search text of interest, where it is in the YAML]
    [YAML, "'x.exe'", "''x.exe''"],
    [YAML, "by Processes.dest", "by Processes.dest"],
    [YAML, "`odd_quotes_filter`", "`odd_quotes_filter`"],
    [PLAIN, "statz", "statz"],
    [PLAIN, "index", "index"],
  ])("maps %#: %s", (yaml, inSearch, inYaml) => {
    const s = detectionSearch(yaml, "d.yml").search;
    if (!s) throw new Error("no search");
    const from = s.text.indexOf(inSearch);
    const yFrom = yaml.indexOf(inYaml);
    expect(s.toYaml(from)).toBe(yFrom);
    expect(s.toSearch(yFrom)).toBe(from);
    // The cursor just after the word maps back to just after it.
    expect(s.toSearch(s.toYaml(from + inSearch.length - 1) + 1)).toBe(from + inSearch.length);
  });

  it("prefixes `search ` like contentctl and keeps the offsets in the YAML", () => {
    const s = detectionSearch(PLAIN, "d.yml").search;
    expect(s?.text).toBe("search index=main EventCode=1 | statz count");
    expect(s?.toYaml(s.text.length)).toBe(PLAIN.indexOf("count") + "count".length);
  });

  it("says why when there is no search", () => {
    expect(detectionSearch("name: x\ntype: [", "d.yml").error?.line).toBeGreaterThan(0);
    expect(detectionSearch("name: m\ndefinition: x\n", "m.yml")).toMatchObject({ search: null, notDetection: true });
  });

  it("is outside the search elsewhere in the file", () => {
    const s = detectionSearch(YAML, "d.yml").search;
    expect(s?.toSearch(YAML.indexOf("message"))).toBeNull();
    expect(s?.toSearch(0)).toBeNull();
  });
});
