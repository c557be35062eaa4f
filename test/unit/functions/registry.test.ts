/** The function registry: coverage of ESCU's functions, docs on every entry, duplicate refusal. */
import { describe, expect, it } from "vitest";
import { FUNCTIONS, lookupFunction, register } from "../../../src/functions/registry.js";
import type { FunctionDef } from "../../../src/functions/types.js";

/** What ESCU uses (escu-corpus.md §4) minus what needs the evaluator (searchmatch, mvfilter, mvmap). */
const ESCU_FUNCTIONS = [
  "if", "isnotnull", "match", "case", "mvindex", "now", "relative_time", "like", "coalesce", "replace", "isnull",
  "true", "mvcount", "split", "mvjoin", "null", "mvappend", "mvfind", "trim", "in", "round", "len", "urldecode",
  "lower", "upper", "min", "strftime", "tostring", "mvdedup", "pow", "strptime", "abs", "sqrt", "floor", "substr",
  "mvzip", "cidrmatch",
];

const BRIEF_FUNCTIONS = [
  "nullif", "isnum", "isstr", "isint", "typeof", "validate", "ceil", "ceiling", "exp", "ln", "log", "pi", "max",
  "random", "sigfig", "exact", "ltrim", "rtrim", "tonumber", "printf", "md5", "sha1", "sha256", "sha512", "mvsort",
  "mvrange", "time", "json_extract", "json_object",
];

describe("function registry", () => {
  it.each([...ESCU_FUNCTIONS, ...BRIEF_FUNCTIONS])("has %s()", (name) => {
    expect(lookupFunction(name)?.name).toBe(name);
  });

  it("looks names up exactly (SPL function names are lower-case)", () => {
    expect(lookupFunction("IF")).toBeUndefined();
    expect(lookupFunction("Lower")).toBeUndefined();
    expect(lookupFunction("nosuchfunction")).toBeUndefined();
  });

  it("registers the evaluator's special forms, which cannot be called directly", () => {
    for (const name of ["searchmatch", "mvfilter", "mvmap"]) {
      const def = lookupFunction(name);
      expect(def?.name).toBe(name);
      expect(() => def?.impl([], { now: 0, tz: "UTC" })).toThrow(/special form/);
    }
  });

  it.each([...FUNCTIONS.values()].map((d) => [d.name, d] as const))("%s() is documented", (_name, def) => {
    expect(def.summary.length).toBeGreaterThan(10);
    expect(def.signature.startsWith(`${def.name}(`)).toBe(true);
    expect(def.examples.length).toBeGreaterThan(0);
    expect(def.minArgs).toBeLessThanOrEqual(def.maxArgs);
    for (const ex of def.examples) expect(ex.expr).toContain(`${def.name}(`);
  });

  it("refuses a duplicate unless overriding", () => {
    const lower = lookupFunction("lower")!;
    expect(() => register(lower)).toThrow(/registered twice/);
    expect(() => register(lower, { override: true })).not.toThrow();
    expect(lookupFunction("lower")).toBe(lower);
  });

  it("refuses bad names and arities", () => {
    const base: FunctionDef = { ...lookupFunction("lower")!, name: "Bad" };
    expect(() => register(base)).toThrow(/bad function name/);
    expect(() => register({ ...base, name: "zz_test", minArgs: 2, maxArgs: 1 })).toThrow(/bad arity/);
  });
});
