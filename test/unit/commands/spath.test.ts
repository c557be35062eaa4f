/** spath's JSON and XML readers (stream-json.ts, stream-xml.ts) and path rules. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { jsonFlatten, jsonPath, parseJson, parsePath } from "../../../src/commands/stream-json.js";
import { parseXml, xmlFlatten, xmlPath } from "../../../src/commands/stream-xml.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });
const path = (p: string) => parsePath(p) ?? [];

describe("parseJson", () => {
  it("keeps number text, key order and the raw text of nested values", () => {
    const doc = parseJson('{"n": 1.50, "o": {"k": [1, 2]}, "s": "a\\u00e9\\n"}');
    expect(doc && jsonPath(doc, path("n"))).toEqual(["1.50"]);
    expect(doc && jsonPath(doc, path("o"))).toEqual(['{"k": [1, 2]}']);
    expect(doc && jsonPath(doc, path("s"))).toEqual(["aé\n"]);
  });
  it("rejects invalid JSON", () => {
    expect(parseJson('{"a": }')).toBeNull();
    expect(parseJson('{"a": 1} x')).toBeNull();
    expect(parseJson("[1, 2")).toBeNull();
  });
});

describe("parsePath / jsonPath", () => {
  it("splits steps and selectors", () => {
    expect(parsePath("a.b{}.c{2}")).toEqual([
      { name: "a", selectors: [] }, { name: "b", selectors: ["all"] }, { name: "c", selectors: [2] },
    ]);
    expect(parsePath("x{@id}")).toEqual([{ name: "x", selectors: [{ attr: "id" }] }]);
    expect(parsePath("a{b}")).toBeNull();
  });
  it("selects a top-level array with {} and nested arrays step by step", () => {
    const doc = parseJson('[{"a": [{"v": 1}, {"v": 2}]}, {"a": [{"v": 3}]}]');
    expect(doc && jsonPath(doc, path("{}.a{}.v"))).toEqual(["1", "2", "3"]);
    expect(doc && jsonPath(doc, path("{1}.a{0}.v"))).toEqual(["3"]);
    expect(doc && jsonPath(doc, path("{5}"))).toEqual([]);
  });
  it("auto-extract flattens to dotted paths with {} for arrays", () => {
    const doc = parseJson('{"a": {"b": [1, {"c": true}]}, "e": {}, "n": null}');
    const out = new Map<string, string[]>();
    if (doc) jsonFlatten(doc, out);
    expect(Object.fromEntries(out)).toEqual({ "a.b{}": ["1"], "a.b{}.c": ["true"], n: ["null"] });
  });
});

describe("XML", () => {
  const xml = "<?xml version='1.0'?><!-- c --><root id='r'><item n='1'>a</item><item n='2'><![CDATA[<b>]]></item><box><in>x</in></box><e/></root>";
  it("parses elements, attributes, CDATA and skips prologue and comments", () => {
    const root = parseXml(xml);
    expect(root?.name).toBe("root");
    expect(root && xmlPath(root, path("root.item"))).toEqual(["a", "<b>"]);
    expect(root && xmlPath(root, path("root.item{2}"))).toEqual(["<b>"]);
    expect(root && xmlPath(root, path("root.item{@n}"))).toEqual(["1", "2"]);
    expect(root && xmlPath(root, path("root.box"))).toEqual(["<in>x</in>"]);
  });
  it("auto-extract names leaves and attributes by path", () => {
    const root = parseXml(xml);
    const out = new Map<string, string[]>();
    if (root) xmlFlatten(root, out);
    expect(Object.fromEntries(out)).toEqual({
      "root{@id}": ["r"], "root.item{@n}": ["1", "2"], "root.item": ["a", "<b>"], "root.box.in": ["x"],
    });
  });
  it("tolerates unclosed tags", () => {
    expect(parseXml("<a><b>x</a>")?.children[0]?.text).toBe("x");
    expect(parseXml("no xml")).toBeNull();
  });
});

describe("spath command", () => {
  it("reads each value of a multivalue input", () => {
    const r = run('| makeresults | eval j=mvappend("{\\"a\\":1}", "{\\"a\\":2}") | spath input=j path=a | table a');
    expect(r.table?.rows()).toEqual([{ a: ["1", "2"] }]);
  });
  it("leaves the output alone when the path selects nothing or the input is not JSON/XML", () => {
    const r = run('| makeresults | eval j="{\\"a\\":1}", t="plain", out="keep" | spath input=j path=zz output=out | spath input=t | table out');
    expect(r.table?.rows()).toEqual([{ out: "keep" }]);
  });
  it("warns that output is ignored without a path, and rejects a bad path", () => {
    expect("| makeresults | spath output=x").toLog("bad-argument");
    expect('| makeresults | spath path="a{b}"').toLog("bad-argument");
  });
});
