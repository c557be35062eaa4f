/**
 * Subsearches in a search expression: `x [ search … | fields user ]` runs the inner search first
 * and replaces the brackets with its results in Splunk's `format` shape:
 * `(f1=v1 AND f2=v2) OR (…)`; a multivalue field contributes `(f=a OR f=b)`; fields starting
 * with `_` are left out; a `search` or `query` field is search text (combine-subsearch.ts); no
 * results become an expression that matches nothing. `field=[ … ]` puts the subsearch's search
 * text after the `=` (compareWithText). At most 10,000
 * results are used (Splunk's subsearch `maxout` default).
 */
import type { Command } from "../ast/commands.js";
import type { SearchExpr, SearchSubsearch, SearchValue } from "../ast/nodes.js";
import type { ExecContext } from "../commands/types.js";
import { toText, type Value } from "../values/value.js";
import type { Table } from "../table/table.js";
import { isSearchTextField, searchTextTerm } from "../commands/combine-subsearch.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";

export const SUBSEARCH_MAXOUT = 10_000;

export type SubsearchPlans = ReadonlyMap<SearchSubsearch, readonly Command[]>;

/** The expression with each subsearch run and replaced by its formatted results. */
export function resolveSubsearches(expr: SearchExpr, plans: SubsearchPlans, ctx: ExecContext): SearchExpr {
  switch (expr.kind) {
    case "subsearch": {
      const commands = plans.get(expr);
      if (!commands) throw new Error("internal: subsearch was not checked");
      return expr.compare ? compareWithText(ctx.run(commands), expr, expr.compare) : formatResults(ctx.run(commands), expr);
    }
    case "and": case "or":
      return { ...expr, items: expr.items.map((i) => resolveSubsearches(i, plans, ctx)) };
    case "not":
      return { ...expr, operand: resolveSubsearches(expr.operand, plans, ctx) };
    default:
      return expr;
  }
}

export function formatResults(t: Table, at: SearchSubsearch): SearchExpr {
  const base = { span: at.span, ...(at.origin ? { origin: at.origin } : {}) };
  const fields = t.fields.filter((f) => !f.startsWith("_"));
  const rows: SearchExpr[] = [];
  for (let i = 0; i < Math.min(t.length, SUBSEARCH_MAXOUT); i++) {
    const terms: SearchExpr[] = [];
    for (const f of fields) {
      const v = t.get(f, i);
      if (v === null) continue;
      const values = (Array.isArray(v) ? v : [v as Value]).map((x) => toText(x as string | number) ?? "");
      if (isSearchTextField(f)) {
        // `search`/`query` (what return and format produce) are search text: combine-subsearch.ts.
        const term = searchTextTerm(f, values[0] ?? "", at);
        if (term) terms.push(term);
        continue;
      }
      const cmp = values.map((text): SearchExpr => ({ kind: "compare", field: f, fieldSpan: at.span, op: "=", value: literal(text, base), ...base }));
      terms.push(cmp.length === 1 ? (cmp[0] as SearchExpr) : { kind: "or", items: cmp, ...base });
    }
    if (terms.length) rows.push(terms.length === 1 ? (terms[0] as SearchExpr) : { kind: "and", items: terms, ...base });
  }
  if (rows.length === 0) return { kind: "not", operand: { kind: "term", value: literal("*", base), ...base }, ...base };
  return rows.length === 1 ? (rows[0] as SearchExpr) : { kind: "or", items: rows, ...base };
}

/**
 * `field=[ subsearch ]`: Splunk puts the subsearch's text where the value goes, so the subsearch
 * must produce search text — the `search` field that format and return make
 * (`sourcetype=[search … | format emptystr="splunkd"]`, format reference example 5;
 * `x=[… | return $id]`) — and `field=<text>` is searched as written.
 */
function compareWithText(t: Table, at: SearchSubsearch, c: NonNullable<SearchSubsearch["compare"]>): SearchExpr {
  const v = t.fields.includes("search") && t.length > 0 ? t.get("search", 0) : null;
  const text = v === null ? null : toText((Array.isArray(v) ? v[0] : v) as string | number);
  if (text === null || text === undefined) {
    throw new SplRuntimeError(diag("runtime-error", { message: `${c.field}${c.op}[subsearch] needs search text from the subsearch (end it with format or return): it returned no search field` }, at.span));
  }
  return searchTextTerm("search", `${c.field}${c.op}${text}`, at) ?? { kind: "term", value: literal("*", { span: at.span }), span: at.span };
}

function literal(text: string, base: Pick<SearchValue, "span" | "origin">): SearchValue {
  return { text, quoted: true, ...base };
}
