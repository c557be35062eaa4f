/**
 * `inputlookup [append=<bool>] [strict=<bool>] [start=<int>] [max=<int>] <table> [WHERE <search>]`
 * (SPL Search Reference, inputlookup): the rows of a lookup table as results, in file order, with
 * an empty cell as a missing field. It generates results, so it comes first (in a search or a
 * subsearch) unless append=true, which adds the rows after the current results ("When append=false
 * the main search results are replaced"). Defaults: append=false, strict=false, start=0,
 * max=1000000000. The WHERE clause uses search-language matching (case-insensitive, `*`) and is
 * applied before start/max (their order is undocumented).
 */
import type { SearchExpr } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { whereStartMax } from "./rows-window.js";
import { Table } from "../table/table.js";
import { lookupToTable } from "../lookups/table.js";
import type { Value } from "../values/value.js";
import { argsOf, boolOption, intValue, readOptions, rejectKinds } from "./args.js";
import { rejectExtraPositionals, resolveForRead, tableName } from "./lookup-shared.js";
import type { CommandDef } from "./types.js";

const DEFAULT_MAX = 1_000_000_000;

export const inputlookup: CommandDef<"inputlookup"> = {
  kind: "inputlookup",
  summary: "Reads the rows of a lookup table as results, optionally filtered by a WHERE search.",
  usage: "| inputlookup [append=<bool>] [strict=<bool>] [start=<int>] [max=<int>] <table> [WHERE <search>]",
  examples: [
    '| makeresults | eval user="bob", role="admin" | outputlookup users.csv | inputlookup append=true users.csv where role=ADMIN',
    "| inputlookup missing_table.csv",
  ],
  options: {
    append: { query: "| makeresults count=3 | streamstats count AS n | fields - _time | outputlookup t.csv | inputlookup append=true t.csv", baseline: "| makeresults count=3 | streamstats count AS n | fields - _time | outputlookup t.csv" },
    strict: { query: "| makeresults | inputlookup append=true strict=true nope.csv", baseline: "| makeresults | inputlookup append=true nope.csv" },
    start: { query: "| makeresults count=3 | streamstats count AS n | fields - _time | outputlookup t.csv | where n=0 | inputlookup append=true start=1 t.csv", baseline: "| makeresults count=3 | streamstats count AS n | fields - _time | outputlookup t.csv | where n=0 | inputlookup append=true t.csv" },
    max: { query: "| makeresults count=3 | streamstats count AS n | fields - _time | outputlookup t.csv | where n=0 | inputlookup append=true max=1 t.csv", baseline: "| makeresults count=3 | streamstats count AS n | fields - _time | outputlookup t.csv | where n=0 | inputlookup append=true t.csv" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by"], ctx);
    const opts = readOptions(node, ["append", "strict", "start", "max"], ctx);
    const append = boolOption(opts.get("append"), node, ctx, false);
    const strict = boolOption(opts.get("strict"), node, ctx, false);
    const num = (key: string, dflt: number) => {
      const o = opts.get(key);
      return o ? intValue(o.value, node, ctx, key) ?? dflt : dflt;
    };
    const start = num("start", 0);
    const max = num("max", DEFAULT_MAX);
    const table = tableName(node, ctx);
    rejectExtraPositionals(node, ctx);
    const wheres = argsOf(node, "where");
    for (const w of wheres.slice(1)) ctx.report(diag("bad-argument", { command: "inputlookup", message: "takes one WHERE clause" }, w.span));
    const where = wheres[0]?.expr ?? null;
    let ok = table !== null;
    if (where && hasSubsearch(where)) {
      ctx.report(diag("bad-argument", { command: "inputlookup", message: "a subsearch in the WHERE clause is not supported" }, wheres[0]?.span ?? node.span));
      ok = false;
    }
    if (ctx.index > 0 && !append) {
      ctx.report(diag("bad-argument", {
        command: "inputlookup",
        message: "generates results, so it must be the first command (after a leading |); use append=true to add its rows to the results",
      }, node.nameSpan));
      ok = false;
    }
    if (!ok || !table) return null;
    return { kind: "inputlookup", table: table.name, tableSpan: table.span, append, strict, start, max, where, span: node.span, ...(node.origin ? { origin: node.origin } : {}) };
  },
  plan(cmd) {
    return (input, ctx) => {
      const res = resolveForRead(ctx, cmd, cmd.strict);
      let rows = res.table ? lookupToTable(res.table) : standIn(res.definition?.fieldsList);
      rows = whereStartMax(rows, cmd.where, cmd.start, cmd.max);
      return cmd.append ? Table.concat(input, rows) : rows;
    };
  },
};

/** An empty table with the declared fields of a KV-store collection, if any. */
function standIn(fields: readonly string[] | undefined): Table {
  const names = [...new Set(fields ?? [])];
  return Table.fromColumns(names, new Map(names.map((n) => [n, [] as Value[]] as const)), 0);
}

function hasSubsearch(e: SearchExpr): boolean {
  if (e.kind === "subsearch") return true;
  if (e.kind === "and" || e.kind === "or") return e.items.some(hasSubsearch);
  if (e.kind === "not") return hasSubsearch(e.operand);
  return false;
}
