/**
 * A `| search` between an event search and its stats (row-steps.ts) over the values so far, with
 * the search predicate's semantics (compile-where.ts). A store field keeps its side columns; a
 * computed value has none (fold.ts forms are JavaScript's), so its case-insensitive matches hold
 * only while its values are ASCII: a run-time guard (guard.ts) sends the search to memory
 * otherwise; a CIDR term on a computed value (it needs the ipKey column) stays local.
 */
import type { SearchExpr } from "../ast/nodes.js";
import { parseSubnet } from "../values/ip.js";
import { EMPTY } from "./compile-eval-value.js";
import { compileWhere, freeTextMatch, NotPushable } from "./compile-where.js";
import { guarded } from "./guard.js";
import type { RowValue } from "./row-steps.js";
import { anyNonAscii, type FieldColumns } from "./sql-text.js";

export interface SearchValues {
  /** What a name holds at the search. */
  readonly at: (name: string) => RowValue;
  /** A value's Array(String) form (row-steps.ts valuesOf). */
  readonly valuesOf: (v: RowValue, name: string) => string;
  /** Marks a store field as read. */
  readonly use: (field: string) => void;
}

export function rowSearch(expr: SearchExpr, s: SearchValues): string {
  const columns = (n: string): string | FieldColumns | null => {
    const v = s.at(n);
    switch (v.kind) {
      case "null": return null;
      case "store":
        s.use(v.field);
        return v.field;
      case "time": throw new NotPushable(`search on ${n} (a time number)`);
      case "expr": {
        if (v.window) throw new NotPushable(`search on ${n}, filled by a fillnull without a field list`);
        const values = s.valuesOf(v, n);
        const none = guarded(anyNonAscii(values), EMPTY);
        return { values, lower: none, canon: none, ip: EMPTY };
      }
    }
  };
  rejectCidrOnComputed(expr, (n) => s.at(n).kind === "expr");
  return compileWhere(expr, columns, {
    freeText: (value) => freeTextMatch(value, () => {
      const raw = s.at("_raw");
      if (raw.kind === "null") return null;
      if (raw.kind !== "store" || raw.field !== "_raw") throw new NotPushable("free text after _raw was changed");
      s.use("_raw");
      return "_raw";
    }),
  });
}

/** A CIDR term needs the ipKey side column, which a computed value does not have. */
function rejectCidrOnComputed(e: SearchExpr, computed: (name: string) => boolean): void {
  switch (e.kind) {
    case "and": case "or": e.items.forEach((x) => rejectCidrOnComputed(x, computed)); return;
    case "not": rejectCidrOnComputed(e.operand, computed); return;
    case "in":
      if (computed(e.field) && e.values.some((v) => v.text.includes("/") && parseSubnet(v.text))) throw new NotPushable(`a CIDR value for ${e.field}, which eval computed`);
      return;
    case "compare":
      if (computed(e.field) && e.value.text.includes("/") && parseSubnet(e.value.text)) throw new NotPushable(`a CIDR value for ${e.field}, which eval computed`);
      return;
    default:
  }
}
