/**
 * Wildcard fields in aggregates: `stats avg(*lay) BY date_hour` ("Return the average, for each
 * hour, of any unique field that ends with the string \"lay\". For example, delay, xdelay, relay",
 * stats reference, basic example 3; `stdev(*delay)` on the Aggregate functions page). Each field
 * of the input that matches gives its own aggregate, named `avg(delay)`, `avg(xdelay)`…; an AS name
 * with `*` takes what the field's `*` matched (`avg(*lay) AS *_avg` → `de_avg`). Fields are taken
 * in lexicographic order (the docs do not say; a choice), internal fields (`_time`, `_raw`…) only
 * when the pattern itself starts with `_`. A pattern matching no field gives no aggregate.
 */
import type { AggregateSpec } from "../ast/commands.js";
import { compareLexical } from "../values/value.js";
import { fieldPattern } from "../executor/wildcard.js";

/** The specs with each wildcard field expanded over `fields` (unchanged when none has one). */
export function expandWildcards(specs: readonly AggregateSpec[], fields: readonly string[]): AggregateSpec[] {
  if (!specs.some(isWildcard)) return [...specs];
  const sorted = [...fields].sort(compareLexical);
  return specs.flatMap((s) => (isWildcard(s) ? expand(s, sorted) : [s]));
}

function isWildcard(s: AggregateSpec): boolean {
  return s.field !== null && !s.evalExpr && s.field.includes("*");
}

function expand(s: AggregateSpec, fields: readonly string[]): AggregateSpec[] {
  const pattern = s.field as string;
  const re = fieldPattern(pattern);
  const written = `(${pattern})`;
  const defaultName = s.as.endsWith(written);
  const fnText = defaultName ? s.as.slice(0, s.as.length - written.length) : "";
  const out: AggregateSpec[] = [];
  for (const f of fields) {
    if (f.startsWith("_") && !pattern.startsWith("_")) continue;
    const m = re.exec(f);
    if (!m) continue;
    const captures = m.slice(1);
    let k = 0;
    const as = defaultName ? `${fnText}(${f})` : s.as.replace(/\*/g, () => captures[k++] ?? "");
    out.push({ ...s, field: f, as });
  }
  return out;
}
