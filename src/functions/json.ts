/**
 * Basic JSON functions: json_extract, json_object, json_array, json_keys, json_valid. Paths use
 * Splunk's spath-like form `a.b{0}.c`, with `{}` selecting every array element. Extracted strings
 * and numbers come back as plain values, objects and arrays as compact JSON text, JSON null as null.
 */
import { isMulti, mv, type Atom, type EvalValue, type Value } from "../values/value.js";
import { text } from "./args.js";
import type { FunctionDef } from "./types.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parse(s: string): Json | undefined {
  try {
    return JSON.parse(s) as Json;
  } catch {
    return undefined;
  }
}

type Step = { key: string } | { index: number | "all" };

function pathSteps(path: string): Step[] | null {
  const steps: Step[] = [];
  for (const m of path.matchAll(/([^.{}]+)|\{(\d*)\}|(\.)/g)) {
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ index: m[2] === "" ? "all" : Number(m[2]) });
  }
  return path.replace(/[^.{}]+|\{\d*\}|\./g, "") === "" ? steps : null;
}

function walk(nodes: Json[], step: Step): Json[] {
  const out: Json[] = [];
  for (const n of nodes) {
    if ("key" in step) {
      if (n !== null && typeof n === "object" && !Array.isArray(n) && step.key in n) out.push(n[step.key]!);
    } else if (Array.isArray(n)) {
      if (step.index === "all") out.push(...n);
      else if (step.index < n.length) out.push(n[step.index]!);
    }
  }
  return out;
}

function toAtom(j: Json): Atom | null {
  if (j === null) return null;
  if (typeof j === "string" || typeof j === "number") return j;
  if (typeof j === "boolean") return j ? "true" : "false";
  return JSON.stringify(j);
}

function toJson(v: EvalValue | undefined): Json {
  if (v === undefined || v === null) return null;
  if (isMulti(v)) return v.map((a) => toJson(a));
  return v;
}

function extract(doc: Json, path: string): Value {
  const steps = pathSteps(path);
  if (steps === null) return null;
  const found = steps.reduce<Json[]>((nodes, s) => walk(nodes, s), [doc]);
  return mv(found.map(toAtom).filter((a): a is Atom => a !== null));
}

/** The JSON functions. */
export const JSON_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "json_extract", category: "conversion", minArgs: 1, maxArgs: 2, signature: "json_extract(<json>, <path>)",
    summary: "The value at <path> (e.g. a.b{0}.c) in a JSON string; without a path, the whole document.",
    examples: [{ expr: 'json_extract("{\\"a\\":{\\"b\\":[1,2]}}", "a.b{1}")', result: 2 }],
    impl: ([v, p]) => {
      const s = text(v);
      const doc = s === null ? undefined : parse(s);
      if (doc === undefined) return null;
      const path = p === undefined ? "" : text(p);
      return path === null ? null : path === "" ? toAtom(doc) : extract(doc, path);
    },
  },
  {
    name: "json_object", category: "conversion", minArgs: 0, maxArgs: Infinity, signature: "json_object(<key>, <value>, ...)",
    summary: "A JSON object text built from key/value pairs.",
    examples: [{ expr: 'json_object("name", "maria", "n", 2)', result: '{"name":"maria","n":2}' }],
    impl: (args) => {
      const obj: Record<string, Json> = {};
      for (let i = 0; i + 1 < args.length; i += 2) {
        const k = text(args[i]);
        if (k !== null) obj[k] = toJson(args[i + 1]);
      }
      return JSON.stringify(obj);
    },
  },
  {
    name: "json_array", category: "conversion", minArgs: 0, maxArgs: Infinity, signature: "json_array(<value>, ...)",
    summary: "A JSON array text of the arguments.",
    examples: [{ expr: 'json_array("a", 1)', result: '["a",1]' }],
    impl: (args) => JSON.stringify(args.map((a) => toJson(a))),
  },
  {
    name: "json_keys", category: "conversion", minArgs: 1, maxArgs: 1, signature: "json_keys(<json>)",
    summary: "The keys of a JSON object, as JSON array text.",
    examples: [{ expr: 'json_keys("{\\"a\\":1,\\"b\\":2}")', result: '["a","b"]' }],
    impl: ([v]) => {
      const s = text(v);
      const doc = s === null ? undefined : parse(s);
      return doc !== null && typeof doc === "object" && !Array.isArray(doc) ? JSON.stringify(Object.keys(doc)) : null;
    },
  },
  {
    name: "json_valid", category: "conversion", minArgs: 1, maxArgs: 1, signature: "json_valid(<json>)",
    summary: "True when the string is valid JSON.",
    examples: [{ expr: 'json_valid("{\\"a\\":1}")', result: true }, { expr: 'json_valid("{a")', result: false }],
    impl: ([v]) => {
      const s = text(v);
      return s === null ? null : parse(s) !== undefined;
    },
  },
];
