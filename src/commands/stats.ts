/**
 * `stats [allnum=<bool>] [partitions=<n>] <aggregate>... [by <field>...] [dedup_splitvals=<bool>]`:
 * one row per distinct BY
 * combination, sorted by the BY values (spl-semantics.md §2.1); a result with a null BY value is
 * dropped (UNVERIFIED there, chosen to match tstats without fillnull_value). Aggregate names and
 * fields may be quoted, single quotes included (`perc50('visitors total')`, args.ts), or hold
 * wildcards (`avg(*lay)`, stats-wildcards.ts). allnum as
 * documented (stats-allnum.ts); `partitions` only splits Splunk's work and cannot change rows;
 * `dedup_splitvals=true` ("Specifies whether to remove duplicate values in multivalued BY clause
 * fields", default false) counts a result once per distinct value of a multivalue BY field, where
 * by default a repeated value counts again; `delim` is rejected as not supported.
 */
import type { AggregateSpec } from "../ast/commands.js";
import { diag } from "../diagnostics/diagnostic.js";
import { bindAggregate } from "../executor/bind-aggregate.js";
import { compileExpr } from "../executor/compile-expr.js";
import { truthy } from "../executor/eval-ops.js";
import { Grouper } from "../executor/grouping.js";
import { unknownFieldWarnings } from "../executor/field-hints.js";
import { toList, toNumber, type Atom, type EvalValue } from "../values/value.js";
import { aggregateSpec, argsOf, boolOption, byFields, intValue, readOptions, rejectKinds } from "./args.js";
import { applyAllnum } from "./stats-allnum.js";
import { expandWildcards } from "./stats-wildcards.js";
import { checkAggregateEval, expandSubsearches } from "./eval-subsearch.js";
import type { CheckContext, CommandDef } from "./types.js";

export const stats: CommandDef<"stats"> = {
  kind: "stats",
  summary: "Aggregates results, optionally grouped by fields.",
  usage: "stats <aggregate>[(<field>)] [AS <name>]... [by <field>...]",
  examples: ['| makeresults count=4 | eval host="a" | stats count by host', "| makeresults count=2 | stats count"],
  options: {
    allnum: {
      query: '| makeresults count=3 | streamstats count AS n | eval v=if(n==2,"x",n) | stats allnum=t sum(v) AS s',
      baseline: '| makeresults count=3 | streamstats count AS n | eval v=if(n==2,"x",n) | stats sum(v) AS s',
    },
    partitions: { moot: "partitions= only splits Splunk's work across parallel pipelines; the result rows are the same, and minispl runs one" },
    dedup_splitvals: {
      query: '| makeresults | eval host=mvappend("a","a","b") | stats count by host dedup_splitvals=t',
      baseline: '| makeresults | eval host=mvappend("a","a","b") | stats count by host',
    },
  },
  check(node, ctx) {
    rejectKinds(node, ["where"], ctx);
    const opts = readOptions(node, ["allnum", "partitions", "dedup_splitvals"], ctx, {
      delim: "it only sets how list()/values() are joined by sistats summaries, which minispl does not write",
    });
    const allnum = boolOption(opts.get("allnum"), node, ctx, false);
    const dedupSplitvals = boolOption(opts.get("dedup_splitvals"), node, ctx, false);
    const partitions = opts.get("partitions");
    if (partitions) intValue(partitions.value, node, ctx, "partitions");
    const aggregates: AggregateSpec[] = [];
    for (const p of argsOf(node, "positional")) {
      const spec = aggregateSpec(p, node, ctx, true);
      const checked = spec && checkAggregateEval(spec, ctx);
      if (checked) aggregates.push(checked);
    }
    if (aggregates.length === 0) {
      ctx.report(diag("bad-argument", { command: "stats", message: "needs at least one aggregate, e.g. count" }, node.span));
      return null;
    }
    reportRenamedTwice(aggregates, ctx);
    return { kind: "stats", aggregates, by: byFields(node).map((b) => b.name), allnum, dedupSplitvals, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const timeCol = input.column("_time");
      const time = (r: number) => toNumber(timeCol?.[r] ?? null);
      const bound = expandWildcards(cmd.aggregates, input.fields).map((a) => {
        if (a.evalExpr) {
          const f = compileExpr(expandSubsearches(a.evalExpr, a.evalSubsearches, ctx), input, ctx.fn);
          const read = (r: number) => atoms(f(r));
          return bindAggregate(a, read, time, (r) => truthy(f(r)));
        }
        const col = a.field === null ? undefined : input.column(a.field);
        return bindAggregate(a, a.field === null ? null : (r) => (col ? toList(col[r] ?? null) : []), time);
      });
      const aggs = applyAllnum(bound, input, cmd.allnum ?? false);
      if (input.length > 0) for (const w of unknownFieldWarnings("stats", cmd.by, input.fields, ctx.store, cmd.span)) ctx.warn(w);
      const byCols = cmd.by.map((b) => input.column(b));
      const grouper = new Grouper(cmd.by.length, aggs, undefined);
      const readKey = (r: number, f: number): readonly Atom[] => {
        const col = byCols[f];
        const values = col ? toList(col[r] ?? null) : [];
        return cmd.dedupSplitvals && values.length > 1 ? distinctAtoms(values) : values;
      };
      for (let r = 0; r < input.length; r++) grouper.add(r, readKey);
      return grouper.result(cmd.by);
    };
  },
};

/**
 * "You cannot rename one field with multiple names. For example if you have field A, you cannot
 * rename A as B, A as C. … `stats first(host) AS site, first(host) AS report` … is not valid"
 * (stats reference, Renaming fields): the same aggregate of the same field under two AS names.
 */
function reportRenamedTwice(aggregates: readonly AggregateSpec[], ctx: CheckContext): void {
  const seen = new Map<string, AggregateSpec>();
  for (const a of aggregates) {
    if (a.evalExpr || a.field === null) continue;
    const key = `${a.fn}\u0000${a.field}`;
    const first = seen.get(key);
    if (first && first.as !== a.as) {
      ctx.report(diag("bad-argument", {
        command: "stats", message: `${a.fn}(${a.field}) is already named ${first.as}: one field cannot be renamed with two names`,
      }, a.span));
    } else if (!first) seen.set(key, a);
  }
}

/** The values without repeats (compared as text), first occurrence kept. */
function distinctAtoms(values: readonly Atom[]): Atom[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = typeof v === "number" ? String(v) : v;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function atoms(v: EvalValue): Atom[] {
  return typeof v === "boolean" ? [] : toList(v);
}
