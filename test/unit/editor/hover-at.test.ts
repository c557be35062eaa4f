/** hoverAt and macroAt: what is under a cursor (table-driven; `‸` marks the cursor). */
import { describe, expect, it } from "vitest";
import { builtinMacros, hoverAt, macroAt } from "../../../src/index.js";

const ctx = { macros: builtinMacros().with([{ name: "sysmon", args: [], definition: "index=main sourcetype=sysmon", origin: "macros/sysmon.yml" }]) };

function at(q: string): [string, number] {
  const i = q.indexOf("‸");
  return [q.slice(0, i) + q.slice(i + 1), i];
}

describe("hoverAt", () => {
  it.each([
    { q: "| makeresults | st‸ats count", word: "stats", doc: /\*\*stats\*\* \(command/ },
    { q: "sea‸rch index=main", word: "search", doc: /\*\*search\*\*/ },
    { q: "| eval x=low‸er(y)", word: "lower", doc: /lower\(.*eval function, string/ },
    { q: "| stats d‸c(x)", word: "dc", doc: /stats function/ },
    { q: "| stats coun‸t by host", word: "count", doc: /stats function/ },
    { q: "| tstats count by Processes.process‸_name", word: "Processes.process_name", doc: /datamodel field, Endpoint\.Processes/ },
    { q: "`sys‸mon` | head", word: "`sysmon`", doc: /macros\/sysmon\.yml[\s\S]*index=main sourcetype=sysmon/ },
    { q: "`nope‸` | head", word: "`nope`", doc: /no macro of that name/ },
  ])("$q", ({ q, word, doc }) => {
    const [text, offset] = at(q);
    const h = hoverAt(text, offset, ctx);
    expect(h).not.toBeNull();
    expect(text.slice(h?.from, h?.to)).toBe(word);
    expect(h?.markdown).toMatch(doc);
  });

  it.each([
    ["| eval x=\"st‸ats\""],
    ["index=main ho‸st=a"],
    ["| makeresults | ‸"],
    ["``` st‸ats ``` | head"],
  ])("has nothing for %s", (q) => {
    const [text, offset] = at(q);
    expect(hoverAt(text, offset, ctx)).toBeNull();
  });
});

describe("macroAt", () => {
  it.each([
    { q: "‸`sysmon` | head", name: "sysmon", arity: 0, call: "`sysmon`" },
    { q: "`sysm‸on` | head", name: "sysmon", arity: 0, call: "`sysmon`" },
    { q: "| tstats count by Processes.dest | `drop_dm_object_name(Pro‸cesses)`", name: "drop_dm_object_name", arity: 1, call: "`drop_dm_object_name(Processes)`" },
    { q: "x | `a(1, \"b,c\"‸)`", name: "a", arity: 2, call: '`a(1, "b,c")`' },
  ])("$q", ({ q, name, arity, call }) => {
    const [text, offset] = at(q);
    const m = macroAt(text, offset);
    expect(m).toMatchObject({ name, arity });
    expect(text.slice(m?.from, m?.to)).toBe(call);
  });

  it.each([["`sysmon`‸ | head"], ["| eval x=\"`sys‸mon`\""], ["``` `sys‸mon` ```"], ["`unclosed‸"]])("finds no call in %s", (q) => {
    const [text, offset] = at(q);
    expect(macroAt(text, offset)).toBeNull();
  });
});
