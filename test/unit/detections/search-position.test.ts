/**
 * `check` names a failing detection as `file:line:col` (src/detections/search-position.ts): the
 * position in the YAML file of a character of the search, through YAML's folding of quoted,
 * plain and block scalars; a search the scanner cannot follow gives where the value starts.
 */
import { describe, expect, it } from "vitest";
import { isDetectionDocument, parseDetection, searchPosition } from "../../../src/index.js";

/** The file position of the first occurrence of `needle` in the detection's search. */
function positionOf(yaml: string, needle: string): { line: number; col: number } | null {
  const det = parseDetection(yaml, "d.yml").detection;
  if (!det) throw new Error("not a detection");
  return searchPosition(yaml, det.search, det.search.indexOf(needle));
}

describe("searchPosition", () => {
  it("one-line single-quoted search, with '' escapes before the position", () => {
    const yaml = "name: X\ntype: TTP\nsearch: '| makeresults | eval a=''x'' | frob'\n";
    expect(positionOf(yaml, "frob")).toEqual({ line: 3, col: 41 });
  });

  it("single-quoted search folded over lines (indented, and at column 0 as ESCU writes some)", () => {
    const yaml = "name: X\ntype: TTP\nsearch: '| tstats count\n  from datamodel=Endpoint.Processes\n| frob x'\ndescription: d\n";
    expect(positionOf(yaml, "from")).toEqual({ line: 4, col: 3 });
    expect(positionOf(yaml, "frob")).toEqual({ line: 5, col: 3 });
  });

  it("double-quoted, plain and literal block searches", () => {
    expect(positionOf('name: X\ntype: TTP\nsearch: "| makeresults\\t| frob"\n', "frob")).toEqual({ line: 3, col: 27 });
    expect(positionOf("name: X\ntype: TTP\nsearch: index=main\n  | frob\ntags: {}\n", "frob")).toEqual({ line: 4, col: 5 });
    expect(positionOf("name: X\ntype: TTP\nsearch: |\n  | makeresults\n  | frob\ntags: {}\n", "frob")).toEqual({ line: 5, col: 5 });
  });

  it("falls back to where the value starts when its scan does not give the parsed search", () => {
    // An anchor and alias: the value is elsewhere; the line of `search:` is still right.
    const yaml = "name: X\ntype: TTP\nother: &s '| frob'\nsearch: *s\n";
    expect(positionOf(yaml, "frob")).toEqual({ line: 4, col: 9 });
  });

  it("null without a top-level search:", () => {
    expect(searchPosition("name: X\n", "| frob", 2)).toBeNull();
  });
});

describe("isDetectionDocument: by content, not folder", () => {
  it.each([
    [{ name: "X", type: "TTP", search: "| makeresults" }, true],
    [{ name: "X", type: "anomaly", search: "| makeresults" }, true],
    [{ name: "X", type: "Baseline", search: "| makeresults" }, true],
    [{ name: "X", type: "TTP" }, true], // a broken detection: reported, not skipped
    [{ name: "X", search: "| makeresults" }, true], // hand-written, no type
    [{ name: "admon", definition: "source=ActiveDirectory", description: "macro" }, false],
    [{ name: "3cx_ioc_domains", filename: "3cx_ioc_domains.csv", match_type: "WILDCARD(domain)" }, false],
    [{ name: "AWS Cloudfront", source: "aws", sourcetype: "aws:cloudfront:accesslogs" }, false],
    [{ name: "Get Notable History", type: "Investigation", search: "| from datamodel Risk.All_Risk" }, false],
    [["a", "b"], false],
    [null, false],
  ])("%j → %s", (doc, want) => {
    expect(isDetectionDocument(doc)).toBe(want);
  });

  it("parseDetection marks YAML that is not a detection", () => {
    const r = parseDetection("definition: source=ActiveDirectory\nname: admon\n", "macros/admon.yml");
    expect(r.detection).toBeNull();
    expect(r.notDetection).toBe(true);
    expect(parseDetection("name: X\ntype: TTP\n", "d.yml").notDetection).toBeUndefined();
  });
});

describe("searchPosition: ESCU's other shapes", () => {
  it("a folded block (>-) with more-indented lines, and a value on the line after the key", () => {
    const folded = "name: X\ntype: TTP\nsearch: >-\n    index=main\n    | appendpipe\n      [| makeresults]\n    | frob\ntags: {}\n";
    expect(positionOf(folded, "frob")).toEqual({ line: 7, col: 7 });
    const below = 'name: X\ntype: TTP\nsearch:\n  "| makeresults\n  | frob"\n';
    expect(positionOf(below, "frob")).toEqual({ line: 5, col: 5 });
  });
});
