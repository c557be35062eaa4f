/**
 * `eventstats <aggregate>... [by <field>...]`: the stats aggregates (including count(eval(…)) and
 * AS names) computed over all results, or over each BY group, and added to every result of the
 * group instead of replacing the results (eventstats reference: "Generates summary statistics from
 * fields in your events and saves those statistics in a new field"; "adds the aggregation inline to
 * each event for which it is relevant", Search Manual, Use the stats command and functions).
 * A result missing a BY field belongs to no group and keeps its fields as they were (docs silent;
 * "for which it is relevant"). `allnum=true` as in stats (stats-allnum.ts), a result of the group
 * without the field counting as not numeric ("applies to empty values as well", this page).
 */
import { boolOption, byFields, readOptions, rejectKinds } from "./args.js";
import { aggregateRows, bindAggregates, byKeys, readAggregates } from "./stream-aggregates.js";
import { ColumnWriter } from "./stream-columns.js";
import { applyAllnum } from "./stats-allnum.js";
import { expandWildcards } from "./stats-wildcards.js";
import type { CommandDef } from "./types.js";

export const eventstats: CommandDef<"eventstats"> = {
  kind: "eventstats",
  summary: "Adds aggregates computed over all results (or over each BY group) to every result.",
  usage: "eventstats [allnum=<bool>] <aggregate>[(<field>)] [AS <name>]... [by <field>...]",
  examples: [
    '| makeresults count=3 | streamstats count AS n | eventstats avg(n) AS avg_n, max(n) AS max_n',
    '| makeresults count=4 | streamstats count AS n | eval g=n%2 | eventstats count(eval(n>1)) AS big sum(n) by g',
  ],
  options: {
    allnum: {
      query: '| makeresults count=3 | streamstats count AS n | eval v=if(n==2,"x",n) | eventstats allnum=t sum(v) AS s',
      baseline: '| makeresults count=3 | streamstats count AS n | eval v=if(n==2,"x",n) | eventstats sum(v) AS s',
    },
  },
  check(node, ctx) {
    rejectKinds(node, ["where"], ctx);
    const opts = readOptions(node, ["allnum"], ctx);
    const allnum = boolOption(opts.get("allnum"), node, ctx, false);
    const aggregates = readAggregates(node, ctx);
    if (!aggregates) return null;
    return { kind: "eventstats", aggregates, by: byFields(node).map((b) => b.name), allnum, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const specs = expandWildcards(cmd.aggregates, input.fields);
      const aggs = applyAllnum(bindAggregates(specs, input, ctx), input, cmd.allnum ?? false, true);
      const keys = byKeys(input, cmd.by);
      const groups = new Map<string, number[]>();
      keys.forEach((k, r) => {
        if (k === null) return;
        const g = groups.get(k);
        if (g) g.push(r);
        else groups.set(k, [r]);
      });
      const out = new ColumnWriter(input);
      for (const rows of groups.values()) {
        const results = aggregateRows(aggs, rows);
        for (const r of rows) specs.forEach((a, i) => out.set(a.as, r, results[i] ?? null));
      }
      return out.table();
    };
  },
};
