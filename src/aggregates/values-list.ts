/**
 * values() and list() (spl-semantics.md §2.2, MVSTATS). values: the distinct values as strings,
 * in lexicographic byte order ("10, 9, B, a, b"), no limit. list: every value in input order,
 * duplicates kept, at most the first 100.
 */
import { compareLexical, mv, type Atom } from "../values/value.js";
import { keyOf } from "./numeric.js";
import type { AggregateDef } from "./types.js";

const LIST_LIMIT = 100;

const values: AggregateDef<Map<string, Atom>> = {
  name: "values", signature: "values(<field>)",
  summary: "Distinct values in lexicographic order, as a multivalue.",
  examples: [{ input: ["b", "B", "a", "10", "9", "a"], result: ["10", "9", "B", "a", "b"] }],
  init: () => new Map(),
  add: (s, v) => {
    const k = keyOf(v);
    // "This function processes field values as strings" (§2.2): 1 and "1" are one value.
    if (!s.has(k)) s.set(k, k);
  },
  result: (s) => mv([...s.keys()].sort(compareLexical)),
};

const list: AggregateDef<Atom[]> = {
  name: "list", signature: "list(<field>)",
  summary: "Values in input order, duplicates kept, at most 100.",
  examples: [{ input: ["b", "a", "b"], result: ["b", "a", "b"] }],
  init: () => [],
  add: (s, v) => { if (s.length < LIST_LIMIT) s.push(v); },
  result: (s) => mv(s),
};

/** The multivalue aggregates. */
export const VALUES_AGGREGATES: readonly AggregateDef[] = [values, list];
