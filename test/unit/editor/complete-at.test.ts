/** completeAt: candidates by cursor context (table-driven; `‸` marks the cursor). */
import { describe, expect, it } from "vitest";
import { builtinMacros, completeAt, type CompletionItem } from "../../../src/index.js";

const ctx = {
  macros: builtinMacros().with([
    { name: "sysmon", args: [], definition: "index=main", origin: "macros/sysmon.yml" },
    { name: "my_filter", args: ["x"], definition: "search $x$", origin: "macros/my_filter.yml" },
  ]),
  fields: ["EventCode", "Image", "host"],
};

/** The search without the cursor mark, and the cursor's offset. */
function at(q: string): [string, number] {
  const i = q.indexOf("‸");
  return [q.slice(0, i) + q.slice(i + 1), i];
}

interface Case {
  readonly q: string;
  /** The replaced word (text from `from` to the cursor). */
  readonly word: string;
  readonly includes?: readonly Partial<CompletionItem>[];
  readonly excludes?: readonly string[];
  /** Every item has this kind. */
  readonly only?: CompletionItem["kind"];
  readonly none?: true;
}

const CASES: readonly Case[] = [
  { q: "| tst‸", word: "tst", only: "command", includes: [{ label: "tstats", kind: "command" }] },
  { q: "| makeresults |\nren‸", word: "ren", includes: [{ label: "rename" }] },
  { q: "index=main | ‸", word: "", only: "command", includes: [{ label: "stats" }, { label: "eval" }] },
  { q: "| tstats count from datamodel=Endpoint.P‸", word: "Endpoint.P", only: "datamodel", includes: [{ label: "Endpoint.Processes" }, { label: "Endpoint.Ports" }] },
  { q: "| tstats count from datamodel=Endpoint.Processes by Processes.‸", word: "Processes.", only: "field", includes: [{ label: "Processes.process_name" }, { label: "Processes.parent_process_name" }, { label: "Processes.dest" }] },
  { q: "| tstats count by Processes.process_n‸ | head", word: "Processes.process_n", includes: [{ label: "Processes.process_name" }], excludes: ["Processes.dest"] },
  { q: "`sys‸", word: "sys", only: "macro", includes: [{ label: "sysmon", kind: "macro" }] },
  { q: "| `my_f‸", word: "my_f", includes: [{ label: "my_filter", insert: "my_filter(", detail: "my_filter(x)" }] },
  { q: "| eval x=low‸", word: "low", includes: [{ label: "lower", kind: "function", insert: "lower(" }] },
  { q: "| stats dc‸", word: "dc", includes: [{ label: "dc", kind: "aggregate" }] },
  { q: "| stats count by Ima‸", word: "Ima", includes: [{ label: "Image", kind: "field" }] },
  { q: "| stats count by Proc‸", word: "Proc", includes: [{ label: "Processes", kind: "datamodel", insert: "Processes." }] },
  { q: "| stats count b‸", word: "b", includes: [{ label: "by", kind: "keyword" }] },
  { q: "| search x=\"low‸", word: "", none: true },
  { q: "| makeresults ``` a comment | sta‸", word: "", none: true },
  { q: "| makeresults ``` done ``` | sta‸", word: "sta", includes: [{ label: "stats" }] },
  { q: "index=main [| inputlookup x | ‸", word: "", only: "command" },
  { q: "index=main [search x] | sta‸", word: "sta", includes: [{ label: "stats" }] },
];

describe("completeAt", () => {
  it.each(CASES)("$q", (c) => {
    const [text, offset] = at(c.q);
    const r = completeAt(text, offset, ctx);
    expect(text.slice(r.from, offset)).toBe(c.word);
    if (c.none) expect(r.items).toEqual([]);
    for (const want of c.includes ?? []) expect(r.items).toContainEqual(expect.objectContaining(want));
    for (const label of c.excludes ?? []) expect(r.items.map((i) => i.label)).not.toContain(label);
    if (c.only) {
      expect(r.items.length).toBeGreaterThan(0);
      expect(new Set(r.items.map((i) => i.kind))).toEqual(new Set([c.only]));
    }
    for (const i of r.items) expect(i.label.startsWith(c.word)).toBe(true);
  });

  it("documents commands and functions from the registries", () => {
    const [text, offset] = at("| tstat‸");
    const tstats = completeAt(text, offset, ctx).items.find((i) => i.label === "tstats");
    expect(tstats?.detail).toBeTruthy();
    expect(tstats?.doc).toContain("**tstats**");
    const lower = completeAt("| eval x=lowe", 13, ctx).items.find((i) => i.label === "lower");
    expect(lower?.doc).toContain("lower(");
  });
});
