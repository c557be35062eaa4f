/**
 * join's alias form, `join [options] left=<L> right=<R> where <L>.<field>=<R>.<field>... [subsearch]`
 * (join reference, help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/join:
 * "Rows from each dataset are merged into a single row if the where predicate is satisfied"; left
 * and right are "the alias to use with the left-side dataset … to avoid naming collisions").
 * Reading the aliases as the reference describes them, every field of the left results is named
 * `L.<field>` and every field of the subsearch results `R.<field>` in the output, so nothing of
 * either side is overwritten. The predicate is one or more equalities between a left and a right
 * field (either order), joined by spaces or AND; anything else is reported.
 */
import type { JoinCommand } from "../ast/commands-combine.js";
import type { CommandNode, Pipeline, SearchExpr } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { argsOf, textOf, type OptionArg } from "./args.js";
import { datasetPipeline } from "./join-dataset.js";
import type { CheckContext } from "./types.js";

export interface AliasRead {
  readonly aliases: NonNullable<JoinCommand["aliases"]>;
  /**
   * A `[subsearch]` that the WHERE clause's search expression took in as its last term, or the
   * `<dataset-type>:<dataset-name>` written there, as the pipeline that reads it.
   */
  readonly subsearch: Pipeline | null;
  /** True when `subsearch` is a named dataset rather than a `[subsearch]`. */
  readonly dataset: boolean;
}

/** The alias form's parts, or null (with diagnostics) when it is incomplete or malformed. */
export function readAliases(node: CommandNode, left: OptionArg | undefined, right: OptionArg | undefined, ctx: CheckContext): AliasRead | null {
  const wheres = argsOf(node, "where");
  const l = left ? textOf(left.value, node, ctx, "an alias") : null;
  const r = right ? textOf(right.value, node, ctx, "an alias") : null;
  const where = wheres[0];
  if (!left || !right || !where) {
    const missing = [!left && "left=<alias>", !right && "right=<alias>", !where && "where <left>.<field>=<right>.<field>"].filter(Boolean).join(", ");
    ctx.report(diag("bad-argument", { command: "join", message: `the left=/right= alias form needs left=, right= and where together; missing ${missing}` }, (where ?? left ?? right)?.span ?? node.span));
    return null;
  }
  for (const w of wheres.slice(1)) ctx.report(diag("bad-argument", { command: "join", message: "takes one where clause" }, w.span));
  if (l === null || r === null) return null;
  if (l === r) {
    ctx.report(diag("bad-argument", { command: "join", message: "left= and right= must be different aliases" }, right.value.span));
    return null;
  }
  const terms = where.expr.kind === "and" ? where.expr.items : [where.expr];
  const on: [string, string][] = [];
  let subsearch: Pipeline | null = null;
  let dataset = false;
  let ok = true;
  terms.forEach((t, i) => {
    if (t.kind === "subsearch" && i === terms.length - 1) {
      subsearch = t.pipeline;
      return;
    }
    // `… where L.a=R.b savedsearch:products`: the right-side dataset (join-dataset.ts).
    const named = t.kind === "term" && !t.value.quoted && i === terms.length - 1 ? datasetPipeline(t.value.text, t.span) : null;
    if (named) {
      subsearch = named;
      dataset = true;
      return;
    }
    const pair = equality(t, l, r);
    if (pair) on.push(pair);
    else {
      ctx.report(diag("bad-argument", { command: "join", message: `expected ${l}.<field>=${r}.<field> in the where clause` }, t.span));
      ok = false;
    }
  });
  if (ok && on.length === 0) {
    ctx.report(diag("bad-argument", { command: "join", message: `the where clause needs at least one ${l}.<field>=${r}.<field>` }, where.span));
    ok = false;
  }
  return ok ? { aliases: { left: l, right: r, on }, subsearch, dataset } : null;
}

/** `L.a=R.b` or `R.b=L.a` as [a, b]; null for any other term. */
function equality(t: SearchExpr, l: string, r: string): [string, string] | null {
  if (t.kind !== "compare" || t.op !== "=" || t.value.quoted) return null;
  const a = split(t.field);
  const b = split(t.value.text);
  if (!a || !b) return null;
  if (a[0] === l && b[0] === r) return [a[1], b[1]];
  if (a[0] === r && b[0] === l) return [b[1], a[1]];
  return null;
}

function split(name: string): [string, string] | null {
  const dot = name.indexOf(".");
  return dot > 0 && dot < name.length - 1 ? [name.slice(0, dot), name.slice(dot + 1)] : null;
}

/** The table with every field named `<alias>.<field>`. */
export function prefixFields(t: Table, alias: string): Table {
  const names = t.fields.map((f) => `${alias}.${f}`);
  const cols = new Map<string, Value[]>();
  t.fields.forEach((f, i) => cols.set(names[i] as string, [...(t.column(f) ?? [])]));
  return Table.fromColumns(names, cols, t.length);
}
