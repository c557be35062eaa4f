/**
 * `join [type=inner|outer|left] [max=N] [usetime=bool] [earlier=bool] [overwrite=bool] <field>... [subsearch]`
 * (join reference, help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/join):
 * each main result is merged with the subsearch results whose join fields have the same values.
 *  - type: default inner (unmatched main results dropped); `outer` and `left` keep them unchanged.
 *  - max: "the maximum number of subsearch results that each main search result can join with",
 *    default 1, 0 = no limit; the main result is repeated once per joined subsearch result.
 *  - overwrite (default true): subsearch values replace main values of the same field.
 *  - usetime: only subsearch results earlier (earlier=true, the default) or later than the main
 *    result are joined.
 *  - no field list: every field the two result sets share is a join field.
 * At most 50,000 subsearch rows take part ("A maximum of 50,000 rows in the right-side dataset").
 * Values match as exact text (case-sensitive, UNVERIFIED); a result missing a join field matches
 * nothing. The alias form `left=L right=R where L.a=R.b [subsearch]` is read in join-aliases.ts; a
 * named dataset in place of the subsearch (`savedsearch:products`) in join-dataset.ts.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { toText, type Value } from "../values/value.js";
import { argsOf, boolOption, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import { readSubsearch } from "./combine-subsearch.js";
import type { SearchBudget } from "../executor/budget.js";
import type { Span } from "../source/source-text.js";
import type { CommandDef } from "./types.js";
import { prefixFields, readAliases } from "./join-aliases.js";
import { datasetPipeline } from "./join-dataset.js";
import type { Pipeline } from "../ast/nodes.js";

export const JOIN_MAX_SUBSEARCH_ROWS = 50_000;

export const join: CommandDef<"join"> = {
  kind: "join",
  summary: "Merges each result with the subsearch results that have the same values in the join fields.",
  usage: "join [type=inner|outer|left] [max=<int>] [overwrite=<bool>] [usetime=<bool> earlier=<bool>] (<field>... | left=<L> right=<R> where <L>.<field>=<R>.<field>...) ([ <subsearch> ] | <datamodel|savedsearch|inputlookup>:<name>)",
  examples: [
    '| makeresults | eval user="bob", dept="it" | join user [| makeresults | eval user="bob", phone="123"]',
    '| makeresults | eval user="eve" | join type=left user [| makeresults | eval user="bob", phone="123"]',
  ],
  options: {
    type: { query: "| makeresults | eval user=\"eve\" | join type=left user [| makeresults count=2 | streamstats count AS n | eval user=\"bob\", phone=n]", baseline: "| makeresults | eval user=\"eve\" | join user [| makeresults count=2 | streamstats count AS n | eval user=\"bob\", phone=n]" },
    max: { query: "| makeresults | eval user=\"bob\" | join max=0 user [| makeresults count=2 | streamstats count AS n | eval user=\"bob\", phone=n]", baseline: "| makeresults | eval user=\"bob\" | join user [| makeresults count=2 | streamstats count AS n | eval user=\"bob\", phone=n]" },
    overwrite: { query: "| makeresults | eval user=\"bob\", phone=\"x\" | join overwrite=false user [| makeresults count=2 | streamstats count AS n | eval user=\"bob\", phone=n]", baseline: "| makeresults | eval user=\"bob\", phone=\"x\" | join user [| makeresults count=2 | streamstats count AS n | eval user=\"bob\", phone=n]" },
    usetime: { query: "| makeresults | eval user=\"bob\", _time=100 | join usetime=true user [| makeresults | eval user=\"bob\", phone=1, _time=200]", baseline: "| makeresults | eval user=\"bob\", _time=100 | join user [| makeresults | eval user=\"bob\", phone=1, _time=200]" },
    earlier: { query: "| makeresults | eval user=\"bob\", _time=100 | join usetime=true earlier=false user [| makeresults | eval user=\"bob\", phone=1, _time=200]", baseline: "| makeresults | eval user=\"bob\", _time=100 | join usetime=true user [| makeresults | eval user=\"bob\", phone=1, _time=200]" },
    left: { query: "| makeresults | eval user=\"bob\" | fields - _time | join left=L right=R where L.user=R.user [| makeresults | eval user=\"bob\", phone=1 | fields - _time]", baseline: "| makeresults | eval user=\"bob\" | fields - _time | join left=M right=R where M.user=R.user [| makeresults | eval user=\"bob\", phone=1 | fields - _time]" },
    right: { query: "| makeresults | eval user=\"bob\" | fields - _time | join left=L right=R where L.user=R.user [| makeresults | eval user=\"bob\", phone=1 | fields - _time]", baseline: "| makeresults | eval user=\"bob\" | fields - _time | join left=L right=S where L.user=S.user [| makeresults | eval user=\"bob\", phone=1 | fields - _time]" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by"], ctx);
    const opts = readOptions(node, ["type", "max", "overwrite", "usetime", "earlier", "left", "right"], ctx);
    let type: "inner" | "left" = "inner";
    const typeOpt = opts.get("type");
    if (typeOpt) {
      const t = textOf(typeOpt.value, node, ctx, "inner, outer or left")?.toLowerCase();
      if (t === "outer" || t === "left") type = "left";
      else if (t !== "inner") {
        ctx.report(diag("bad-argument", { command: "join", message: `type must be inner, outer or left, got "${t ?? ""}"` }, typeOpt.value.span));
      }
    }
    const maxOpt = opts.get("max");
    const max = maxOpt ? intValue(maxOpt.value, node, ctx, "max") ?? 1 : 1;
    const fields: string[] = [];
    let dataset: Pipeline | null = null;
    const positionals = argsOf(node, "positional");
    for (const [i, p] of positionals.entries()) {
      if (p.value.kind === "subsearch") continue;
      // The last word may be the right-side dataset, `savedsearch:products` (join-dataset.ts).
      const named = i === positionals.length - 1 && p.value.kind === "word" ? datasetPipeline(p.value.text, p.value.span) : null;
      if (named) {
        dataset = named;
        continue;
      }
      const t = textOf(p.value, node, ctx, "a join field");
      if (t !== null) fields.push(...t.split(",").map((s) => s.trim()).filter(Boolean));
    }
    const aliasForm = opts.has("left") || opts.has("right") || argsOf(node, "where").length > 0;
    const alias = aliasForm ? readAliases(node, opts.get("left"), opts.get("right"), ctx) : null;
    if (aliasForm && !alias) return null;
    if (alias && fields.length > 0) {
      ctx.report(diag("bad-argument", { command: "join", message: "give the join fields either as a field list or in the where clause, not both" }, node.span));
      return null;
    }
    const right = dataset ?? alias?.subsearch ?? null;
    const bracketed = positionals.some((p) => p.value.kind === "subsearch");
    if (bracketed && (dataset !== null || alias?.dataset === true)) {
      ctx.report(diag("bad-argument", { command: "join", message: "give either <dataset-type>:<dataset-name> or a [subsearch], not both" }, node.span));
      return null;
    }
    const subsearch = right && !bracketed ? ctx.checkPipeline(right) : readSubsearch(node, ctx);
    if (!subsearch) return null;
    return {
      kind: "join", type, max, fields, subsearch, ...(alias ? { aliases: alias.aliases } : {}),
      overwrite: boolOption(opts.get("overwrite"), node, ctx, true),
      usetime: boolOption(opts.get("usetime"), node, ctx, false),
      earlier: boolOption(opts.get("earlier"), node, ctx, true),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input, ctx) => {
      let sub = ctx.run(cmd.subsearch);
      if (sub.length > JOIN_MAX_SUBSEARCH_ROWS) {
        ctx.warn(diag("runtime-error", { message: `join: the subsearch returned ${sub.length} rows; only the first ${JOIN_MAX_SUBSEARCH_ROWS} are joined` }, cmd.span, { severity: "warning" }));
        sub = sub.select(Array.from({ length: JOIN_MAX_SUBSEARCH_ROWS }, (_, i) => i));
      }
      if (cmd.aliases) {
        const { left, right, on } = cmd.aliases;
        const spec = { ...cmd, fields: on.map(([l]) => `${left}.${l}`), subFields: on.map(([, r]) => `${right}.${r}`), timeFields: [`${left}._time`, `${right}._time`] as const };
        return joinTables(prefixFields(input, left), prefixFields(sub, right), spec, { budget: ctx.budget, span: cmd.span });
      }
      return joinTables(input, sub, cmd, { budget: ctx.budget, span: cmd.span });
    };
  },
};

interface JoinSpec {
  readonly type: "inner" | "left";
  readonly max: number;
  readonly fields: readonly string[];
  readonly overwrite: boolean;
  readonly usetime: boolean;
  readonly earlier: boolean;
  /** The subsearch's join fields when they are named differently from `fields` (the alias form). */
  readonly subFields?: readonly string[];
  /** The main and subsearch time fields for usetime (default `_time`). */
  readonly timeFields?: readonly [string, string];
}

/**
 * The join of two tables (exported for unit tests). With `max=0` every match is kept, so the
 * output can be main × sub rows: it is counted against the search's row budget as it grows.
 */
export function joinTables(main: Table, sub: Table, spec: JoinSpec, guard?: { budget: SearchBudget; span: Span }): Table {
  const keys = spec.fields.length ? spec.fields : main.fields.filter((f) => sub.has(f));
  const subKeys = spec.subFields ?? keys;
  const index = new Map<string, number[]>();
  for (let r = 0; r < sub.length; r++) {
    const k = keyOf(sub, subKeys, r);
    if (k === null) continue;
    const list = index.get(k);
    if (list) list.push(r);
    else index.set(k, [r]);
  }
  const newFields = sub.fields.filter((f) => !main.has(f));
  const names = [...main.fields, ...newFields];
  const cols = new Map<string, Value[]>(names.map((n) => [n, []]));
  const push = (m: number, s: number | null) => {
    for (const f of main.fields) {
      const own = main.get(f, m);
      const theirs = s === null ? null : sub.get(f, s);
      const v = theirs !== null && (spec.overwrite || own === null) ? theirs : own;
      (cols.get(f) as Value[]).push(v);
    }
    for (const f of newFields) (cols.get(f) as Value[]).push(s === null ? null : sub.get(f, s));
  };
  const mainTime = main.column(spec.timeFields?.[0] ?? "_time");
  const subTime = sub.column(spec.timeFields?.[1] ?? "_time");
  let length = 0;
  for (let m = 0; m < main.length; m++) {
    const k = keyOf(main, keys, m);
    let matches = k === null ? [] : index.get(k) ?? [];
    if (spec.usetime) {
      const t = Number(mainTime?.[m] ?? Number.NaN);
      matches = matches.filter((s) => {
        const st = Number(subTime?.[s] ?? Number.NaN);
        return spec.earlier ? st <= t : st >= t;
      });
    }
    if (spec.max > 0) matches = matches.slice(0, spec.max);
    if (guard) {
      guard.budget.rows(length + matches.length, "join", guard.span);
      guard.budget.tick(matches.length + 1, guard.span);
    }
    if (matches.length === 0) {
      if (spec.type === "left") {
        push(m, null);
        length++;
      }
      continue;
    }
    for (const s of matches) {
      push(m, s);
      length++;
    }
  }
  return Table.fromColumns(names, cols, length);
}

/** The join key of a row: the text of each join field, or null when one is missing. */
function keyOf(t: Table, keys: readonly string[], r: number): string | null {
  const parts: string[] = [];
  for (const k of keys) {
    const v = t.get(k, r);
    if (v === null) return null;
    parts.push(Array.isArray(v) ? v.map((x) => toText(x) ?? "").join("\u0001") : toText(v as string | number) ?? "");
  }
  return parts.join("\u0000");
}
