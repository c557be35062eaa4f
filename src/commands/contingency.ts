/**
 * `contingency [maxrows=<int>] [maxcols=<int>] [mincolcover=<num>] [minrowcover=<num>]
 * [usetotal=<bool>] [totalstr=<field>] <field1> <field2>` (contingency reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/contingency): a
 * co-occurrence matrix of the values of two fields. "Each cell in the table contains a number that
 * represents the count of events that contain the two values of the field in that row and column
 * combination." The first column, named <field1>, holds field1's values; the other columns are
 * named by field2's values. With usetotal (default true) a total column and row, named by
 * `totalstr` (default TOTAL), are added. maxrows/maxcols (default 1000, 0 = that default) keep the
 * most common values; minrowcover/mincolcover (default 1.0) keep the most common values until
 * that fraction of the counted events is covered, maxrows/maxcols taking precedence. Values
 * that are empty strings are shown as EMPTY_STR. A multivalue field counts each of its values.
 * Choice: rows and columns are ordered by their total, highest first (ties: first seen first);
 * events lacking either field are not counted; totals count the kept cells only.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { toList, toText, type Value } from "../values/value.js";
import { argsOf, boolOption, intValue, readOptions, rejectKinds, textOf, type OptionArg } from "./args.js";
import type { CheckContext, CommandDef } from "./types.js";
import type { CommandNode } from "../ast/nodes.js";

const ROWS = '| makeresults format=csv data="a,b\\nx,p\\nx,q\\ny,p\\nx,p\\nz,r"';
const LIMIT = 1000;

export const contingency: CommandDef<"contingency"> = {
  kind: "contingency",
  summary: "Builds a co-occurrence count table for the values of two fields.",
  usage: "contingency [maxrows=<int>] [maxcols=<int>] [mincolcover=<num>] [minrowcover=<num>] [usetotal=<bool>] [totalstr=<field>] <field1> <field2>",
  examples: [`${ROWS} | contingency a b`, `${ROWS} | contingency maxrows=2 usetotal=f a b`],
  options: {
    maxrows: { query: `${ROWS} | contingency maxrows=1 a b`, baseline: `${ROWS} | contingency a b` },
    maxcols: { query: `${ROWS} | contingency maxcols=1 a b`, baseline: `${ROWS} | contingency a b` },
    mincolcover: { query: `${ROWS} | contingency mincolcover=0.5 a b`, baseline: `${ROWS} | contingency a b` },
    minrowcover: { query: `${ROWS} | contingency minrowcover=0.5 a b`, baseline: `${ROWS} | contingency a b` },
    usetotal: { query: `${ROWS} | contingency usetotal=false a b`, baseline: `${ROWS} | contingency a b` },
    totalstr: { query: `${ROWS} | contingency totalstr=ALL a b`, baseline: `${ROWS} | contingency a b` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["maxrows", "maxcols", "mincolcover", "minrowcover", "usetotal", "totalstr"], ctx);
    const ps = argsOf(node, "positional");
    const names = ps.map((p) => textOf(p.value, node, ctx, "a field name"));
    for (const extra of ps.slice(2)) ctx.report(diag("bad-argument", { command: "contingency", message: "takes two fields" }, extra.span));
    const [rowField, colField] = names;
    if (ps.length < 2) {
      ctx.report(diag("bad-argument", { command: "contingency", message: "needs two fields: contingency <field1> <field2>" }, node.span));
      return null;
    }
    if (!rowField || !colField) return null;
    for (const [f, p] of [[rowField, ps[0]], [colField, ps[1]]] as const) {
      if (f.includes("*") && p) ctx.report(diag("bad-argument", { command: "contingency", message: "a field name cannot hold a wildcard" }, p.span));
    }
    const limit = (k: string): number | null => {
      const o = opts.get(k);
      if (!o) return LIMIT;
      const n = intValue(o.value, node, ctx, k);
      return n === null ? null : n === 0 || n > LIMIT ? LIMIT : n;
    };
    const maxRows = limit("maxrows");
    const maxCols = limit("maxcols");
    const minRowCover = cover(opts.get("minrowcover"), node, ctx);
    const minColCover = cover(opts.get("mincolcover"), node, ctx);
    const ts = opts.get("totalstr");
    const totalStr = ts ? textOf(ts.value, node, ctx, "a field name") : "TOTAL";
    if (maxRows === null || maxCols === null || minRowCover === null || minColCover === null || totalStr === null) return null;
    return {
      kind: "contingency", rowField, colField, maxRows, maxCols, minRowCover, minColCover,
      useTotal: boolOption(opts.get("usetotal"), node, ctx, true), totalStr, span: node.span,
    };
  },
  plan(cmd) {
    return (input) => {
      const counts = new Map<string, Map<string, number>>();
      const rowTotal = new Map<string, number>();
      const colTotal = new Map<string, number>();
      let all = 0;
      for (let i = 0; i < input.length; i++) {
        const rs = valuesOf(input.get(cmd.rowField, i));
        const cs = valuesOf(input.get(cmd.colField, i));
        for (const r of rs) {
          for (const c of cs) {
            let m = counts.get(r);
            if (!m) counts.set(r, (m = new Map()));
            m.set(c, (m.get(c) ?? 0) + 1);
            rowTotal.set(r, (rowTotal.get(r) ?? 0) + 1);
            colTotal.set(c, (colTotal.get(c) ?? 0) + 1);
            all++;
          }
        }
      }
      const rows = keep(rowTotal, all, cmd.maxRows, cmd.minRowCover);
      const cols = keep(colTotal, all, cmd.maxCols, cmd.minColCover);
      const names = [cmd.rowField, ...cols.filter((c) => c !== cmd.rowField)];
      if (cmd.useTotal && !names.includes(cmd.totalStr)) names.push(cmd.totalStr);
      const out = new Map<string, Value[]>(names.map((n) => [n, [] as Value[]]));
      const sums = new Map<string, number>();
      for (const r of rows) {
        out.get(cmd.rowField)?.push(r);
        let rowSum = 0;
        for (const c of cols) {
          const n = counts.get(r)?.get(c) ?? 0;
          rowSum += n;
          sums.set(c, (sums.get(c) ?? 0) + n);
          if (c !== cmd.rowField) out.get(c)?.push(n);
        }
        if (cmd.useTotal) out.get(cmd.totalStr)?.push(rowSum);
      }
      let length = rows.length;
      if (cmd.useTotal) {
        out.get(cmd.rowField)?.push(cmd.totalStr);
        let grand = 0;
        for (const c of cols) {
          const n = sums.get(c) ?? 0;
          grand += n;
          if (c !== cmd.rowField) out.get(c)?.push(n);
        }
        out.get(cmd.totalStr)?.push(grand);
        length++;
      }
      return Table.fromColumns(names, out, length);
    };
  },
};

/** A row or column value: text, with "" shown as EMPTY_STR (the page's Usage). */
function valuesOf(v: Value): string[] {
  return toList(v).map((a) => toText(a) ?? "").map((t) => (t === "" ? "EMPTY_STR" : t));
}

/** The values kept, most common first: at most `max`, and only until `cover` of `all` is reached. */
function keep(totals: ReadonlyMap<string, number>, all: number, max: number, cover: number): string[] {
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const out: string[] = [];
  let covered = 0;
  for (const k of sorted) {
    if (out.length >= max) break;
    if (all > 0 && covered / all >= cover) break;
    out.push(k);
    covered += totals.get(k) ?? 0;
  }
  return out;
}

function cover(o: OptionArg | undefined, node: CommandNode, ctx: CheckContext): number | null {
  if (!o) return 1;
  const t = textOf(o.value, node, ctx, "a number between 0 and 1");
  if (t === null) return null;
  const n = Number(t);
  if (!/^\d*\.?\d+$/.test(t) || n > 1) {
    ctx.report(diag("bad-argument", { command: node.name, message: `${o.key} must be a number from 0 to 1, got "${t}"` }, o.value.span));
    return null;
  }
  return n;
}
