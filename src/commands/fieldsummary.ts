/**
 * `fieldsummary [maxvals=<n>] [<wc-field>...]` (fieldsummary reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/fieldsummary): one
 * result per field with `field`, `count` ("The number of events/results with that field"),
 * `distinct_count`, `is_exact` (0 once the field has more distinct values than maxvals, "1 means
 * exact"), `max`, `mean`, `min`, `numeric_count` ("The count of numeric values in the field. This
 * would not include NULL values"), `stdev` and `values`: the distinct values with their counts as
 * JSON text (`[{"value":"purchase","count":6},…]`), "sorted first by highest count and then by
 * distinct value, in ascending order", at most maxvals of them (default 100, 0 = all).
 * max/mean/min/stdev read the numeric values only and are empty when there are none (the SPL2
 * page's example shows them empty for a text field); stdev is the sample deviation, as stats'.
 * Choices where the page is silent: fields come in name order; a multivalue field counts each
 * value; internal fields (`_time`, `_raw`, …) are summarised only when named without a wildcard;
 * a field that no result has gives no row.
 */
import type { FieldsummaryCommand } from "../ast/commands-report.js";
import { lookupAggregate } from "../aggregates/registry.js";
import { Table } from "../table/table.js";
import { compareLexical, isNumeric, toList, toNumber, toText, type Value } from "../values/value.js";
import { fieldPattern } from "../executor/wildcard.js";
import { intValue, readOptions, rejectKinds } from "./args.js";
import { fieldList } from "./field-list.js";
import type { CommandDef } from "./types.js";

const COLUMNS = ["field", "count", "distinct_count", "is_exact", "max", "mean", "min", "numeric_count", "stdev", "values"];
const SRC = '| makeresults count=3 | streamstats count AS n | eval user=if(n=1, "al", "bo")';

export const fieldsummary: CommandDef<"fieldsummary"> = {
  kind: "fieldsummary",
  summary: "One result per field: how many results have it, its distinct values, and numeric statistics.",
  usage: "fieldsummary [maxvals=<n>] [<wc-field>...]",
  examples: [`${SRC} | fieldsummary`, `${SRC} | fieldsummary maxvals=1 user`],
  options: {
    maxvals: { query: `${SRC} | fieldsummary maxvals=1 user`, baseline: `${SRC} | fieldsummary user` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["maxvals"], ctx);
    const m = opts.get("maxvals");
    const maxvals = m ? intValue(m.value, node, ctx, "maxvals") ?? 100 : 100;
    return { kind: "fieldsummary", maxvals, fields: fieldList(node, ctx), span: node.span };
  },
  plan(cmd) {
    return (input) => summarise(input, cmd);
  },
};

function chosenFields(input: Table, patterns: readonly string[]): string[] {
  if (patterns.length === 0) return input.fields.filter((f) => !f.startsWith("_"));
  const tests = patterns.map((p) => (p.includes("*") ? ((f: string) => !f.startsWith("_") && fieldPattern(p).test(f)) : (f: string) => f === p));
  return input.fields.filter((f) => tests.some((t) => t(f)));
}

function summarise(input: Table, cmd: FieldsummaryCommand): Table {
  const rows: Record<string, Value>[] = [];
  for (const field of chosenFields(input, cmd.fields).sort(compareLexical)) {
    const row = summary(input.column(field) ?? [], field, cmd.maxvals);
    if (row) rows.push(row);
  }
  const cols = new Map<string, Value[]>(COLUMNS.map((c) => [c, rows.map((r) => r[c] ?? null)]));
  return Table.fromColumns(COLUMNS, cols, rows.length);
}

function summary(col: readonly Value[], field: string, maxvals: number): Record<string, Value> | null {
  const stat = (name: string) => {
    const { def } = lookupAggregate(name) as NonNullable<ReturnType<typeof lookupAggregate>>;
    return { def, state: def.init() };
  };
  const numeric = [stat("max"), stat("avg"), stat("min"), stat("stdev")];
  const counts = new Map<string, number>();
  let count = 0;
  let numericCount = 0;
  for (const v of col) {
    const values = toList(v);
    if (values.length === 0) continue;
    count++;
    for (const a of values) {
      const t = toText(a) ?? "";
      counts.set(t, (counts.get(t) ?? 0) + 1);
      if (!isNumeric(a)) continue;
      numericCount++;
      for (const s of numeric) s.def.add(s.state, toNumber(a), 0);
    }
  }
  if (count === 0) return null;
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || compareLexical(a[0], b[0]));
  const shown = maxvals === 0 ? ranked : ranked.slice(0, maxvals);
  const [max, mean, min, stdev] = numeric.map((s) => (numericCount === 0 ? null : s.def.result(s.state)));
  return {
    field, count, distinct_count: counts.size,
    is_exact: maxvals === 0 || counts.size <= maxvals ? 1 : 0,
    max: max ?? null, mean: mean ?? null, min: min ?? null, numeric_count: numericCount, stdev: stdev ?? null,
    values: JSON.stringify(shown.map(([value, n]) => ({ value, count: n }))),
  };
}
