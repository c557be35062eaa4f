/**
 * `dedup [<N>] <field>... [keepevents=<bool>] [keepempty=<bool>] [consecutive=<bool>] [sortby <keys>]`
 * (dedup reference, help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/dedup):
 * keeps the first N results (default 1, "must be greater than 0") of each combination of values
 * of the fields, in search order.
 *  - sortby: "The <sort-by-clause> determines which of the duplicate events to keep. When the list
 *    of events is sorted, the top-most event, of the duplicate events in the sorted list, is
 *    retained", and the examples "sort the results" by it: the results are sorted (stably) first
 *    and deduplicated in that order, so they come out sorted.
 *  - keepevents=true: "keep all events, but will remove the selected fields from events after the
 *    first event containing a particular combination of values" (after the first N with <N>).
 *  - keepempty: "Default: false. All events where any of the selected fields are null are dropped";
 *    true keeps them, untouched. keepevents does not change that (a choice: keepempty is the rule
 *    the page gives for null fields, keepevents speaks of duplicates).
 *  - consecutive=true: "only remove events with duplicate combinations of values that are
 *    consecutive"; with <N>, the first N of each run of equal combinations stay.
 *  - Multivalue fields: "the fields must match all values to be deduplicated".
 */
import { diag } from "../diagnostics/diagnostic.js";
import type { Table } from "../table/table.js";
import { toText, type Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import { readSortKeys, sortedIndexes } from "./sort-keys.js";
import type { CommandDef } from "./types.js";
import type { DedupCommand } from "../ast/commands.js";

const ROWS = '| makeresults format=csv data="n,u\n1,a\n2,b\n3,a\n4,a"';

export const dedup: CommandDef<"dedup"> = {
  kind: "dedup",
  summary: "Removes results whose field values repeat those of an earlier result.",
  usage: "dedup [<n>] <field>... [keepevents=<bool>] [keepempty=<bool>] [consecutive=<bool>] [sortby [-|+]<field>...]",
  examples: ['| makeresults count=3 | eval u="a" | dedup u', `${ROWS} | dedup u sortby -n`],
  options: {
    keepevents: { query: `${ROWS} | dedup u keepevents=true`, baseline: `${ROWS} | dedup u` },
    keepempty: { query: `${ROWS} | eval u=if(n=2, null(), u) | dedup u keepempty=true`, baseline: `${ROWS} | eval u=if(n=2, null(), u) | dedup u` },
    consecutive: { query: `${ROWS} | dedup u consecutive=true`, baseline: `${ROWS} | dedup u` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["keepempty", "consecutive", "keepevents"], ctx);
    const values = argsOf(node, "positional").map((p) => p.value);
    let count = 1;
    const fieldsOut: string[] = [];
    let i = 0;
    const firstVal = values[0];
    if (firstVal?.kind === "word" && /^\d+$/.test(firstVal.text)) {
      count = Number(firstVal.text);
      if (count < 1) ctx.report(diag("bad-argument", { command: "dedup", message: "the number of results to keep must be greater than 0" }, firstVal.span));
      i = 1;
    }
    for (; i < values.length; i++) {
      const v = values[i];
      if (v?.kind === "word" && v.text.toLowerCase() === "sortby") break;
      const t = v ? textOf(v, node, ctx, "a field name") : null;
      if (t !== null) fieldsOut.push(...t.split(",").map((s) => s.trim()).filter(Boolean));
    }
    const sortby = readSortKeys(values.slice(i + 1), node, ctx);
    if (i < values.length && sortby.length === 0) {
      ctx.report(diag("bad-argument", { command: "dedup", message: "sortby needs at least one field" }, values[i]?.span ?? node.span));
    }
    if (fieldsOut.length === 0) {
      ctx.report(diag("bad-argument", { command: "dedup", message: "needs at least one field" }, node.span));
      return null;
    }
    return {
      kind: "dedup", count: Math.max(count, 1), fields: fieldsOut, sortby,
      keepempty: boolOption(opts.get("keepempty"), node, ctx, false),
      consecutive: boolOption(opts.get("consecutive"), node, ctx, false),
      keepevents: boolOption(opts.get("keepevents"), node, ctx, false),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input) => {
      const t = cmd.sortby.length ? input.select(sortedIndexes(input, cmd.sortby)) : input;
      const { keep, strip } = decide(t, cmd);
      const out = t.select(keep);
      if (strip.length === 0) return out;
      // keepevents: the duplicates stay without the dedup fields.
      let res = out;
      for (const f of cmd.fields) {
        const col = res.column(f);
        if (!col) continue;
        const next = col.slice();
        for (const r of strip) next[r] = null;
        res = res.withColumn(f, next);
      }
      return res;
    };
  },
};

/** Rows kept (indexes into `t`), and which of the kept rows (indexes into the output) lose the fields. */
function decide(t: Table, cmd: DedupCommand): { keep: number[]; strip: number[] } {
  const cols = cmd.fields.map((f) => t.column(f));
  const seen = new Map<string, number>();
  const keep: number[] = [];
  const strip: number[] = [];
  let prev: string | null = null;
  let run = 0;
  for (let r = 0; r < t.length; r++) {
    let key = "";
    let empty = false;
    for (let c = 0; c < cols.length; c++) {
      const part = keyOf(cols[c]?.[r] ?? null);
      if (part === null) {
        empty = true;
        break;
      }
      key += (c ? "\u0000" : "") + part;
    }
    if (empty) {
      if (cmd.keepempty) keep.push(r);
      continue;
    }
    let n: number;
    if (cmd.consecutive) {
      run = key === prev ? run + 1 : 1;
      prev = key;
      n = run;
    } else {
      n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
    }
    if (n <= cmd.count) keep.push(r);
    else if (cmd.keepevents) {
      strip.push(keep.length);
      keep.push(r);
    }
  }
  return { keep, strip };
}

function keyOf(v: Value): string | null {
  if (v === null) return null;
  return Array.isArray(v) ? v.map((x) => toText(x)).join("\u0001") : toText(v as string | number);
}
