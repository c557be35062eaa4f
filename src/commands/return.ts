/**
 * `return [<count>] [<alias>=<field>...] [<field>...] [$<field>...]` (return reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/return): "return
 * replaces the incoming events with one event, with one attribute: 'search'", which an outer
 * search uses as its text (combine-subsearch.ts). `field` gives `field="value"`, `alias=field`
 * gives `alias="value"`, `$field` gives the value alone. "By default, the return command uses only
 * the first row of results"; with a count "Each row is viewed as an OR clause, that is, output
 * might be '(ip=10.1.11.2) OR (ip=10.2.12.3)'", and "'return 2 user ip' might output '(user=bob
 * ip=10.1.11.2) OR (user=fred ip=10.2.12.3)'". The rows are the first `count` results as they
 * come ("The command does not determine if the user value is unique").
 * Values are put in double quotes, and "The return command does not escape quotation marks that
 * are in the fields that are returned" (the page has users escape them with eval first), so a
 * value holding `"` is written as it is. A multivalue field gives `(f="a" OR f="b")`. With no
 * input "the subsearch returns an empty string", and an outer search then keeps everything.
 */
import type { ReturnItem } from "../ast/commands-multi.js";
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { toText, type Value } from "../values/value.js";
import { rejectKinds } from "./args.js";
import type { CommandDef } from "./types.js";

export const returnCommand: CommandDef<"return"> = {
  kind: "return",
  summary: "Turns the first results' fields into search text (a field named search) for the outer search.",
  usage: "return [<count>] [<alias>=<field>...] [<field>...] [$<field>...]",
  examples: [
    '| makeresults | eval ip="10.1.1.1" | return ip',
    '| makeresults count=2 | streamstats count AS n | eval user="u".n | return 2 user',
    '| makeresults | eval srcip="10.1.1.1" | return ip=srcip',
    '| makeresults | eval id=41 | return $id',
  ],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    let count = 1;
    const items: ReturnItem[] = [];
    node.args.forEach((a, i) => {
      if (a.kind === "option") {
        const v = a.value.kind === "word" || a.value.kind === "string" ? a.value.text : null;
        if (v === null || v === "") ctx.report(diag("bad-argument", { command: "return", message: "expected <alias>=<field>" }, a.span));
        else items.push({ field: v.startsWith("$") ? v.slice(1) : v, as: a.key });
        return;
      }
      if (a.kind !== "positional") return;
      const v = a.value.kind === "word" || a.value.kind === "string" ? a.value.text : null;
      if (v === null) {
        ctx.report(diag("bad-argument", { command: "return", message: "expected a field, <alias>=<field> or $<field>" }, a.span));
        return;
      }
      if (i === 0 && /^\d+$/.test(v)) count = Number(v);
      else if (v.startsWith("$") && v.length > 1) items.push({ field: v.slice(1), as: null });
      else items.push({ field: v, as: v });
    });
    if (items.length === 0) {
      ctx.report(diag("bad-argument", { command: "return", message: "needs a field to return: <field>, <alias>=<field> or $<field>" }, node.span));
      return null;
    }
    return { kind: "return", count, items, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const rows: string[] = [];
      for (let r = 0; r < Math.min(cmd.count, input.length); r++) {
        const terms = cmd.items.map((it) => itemText(it, input.get(it.field, r))).filter((x): x is string => x !== null);
        if (terms.length > 0) rows.push(terms.join(" "));
      }
      const search = rows.length === 1 ? (rows[0] as string) : rows.map((x) => `(${x})`).join(" OR ");
      return Table.fromRows([{ search }]);
    };
  },
};

function itemText(it: ReturnItem, v: Value): string | null {
  if (v === null) return null;
  const texts = (Array.isArray(v) ? v : [v]).map((x) => toText(x as string | number) ?? "");
  const one = (t: string) => (it.as === null ? t : `${it.as}="${t}"`);
  return texts.length === 1 ? one(texts[0] as string) : `(${texts.map(one).join(" OR ")})`;
}
