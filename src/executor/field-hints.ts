/**
 * "Did you mean" for a field name no result has (`stats count by hots`): a typo otherwise gives
 * an empty or all-null column and no word about why. A warning only when the name is in neither
 * the command's input nor the store, and some field there is a near miss: a field that is simply
 * null in every result (ESCU tables list many such) stays silent.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { editDistance, suggest } from "../diagnostics/suggest.js";
import type { SearchExpr } from "../ast/nodes.js";
import type { Span } from "../source/source-text.js";
import { NULL_ID, type EventStore } from "../store/event-store.js";

/** Warnings for the names in `wanted` that neither `present` nor the store has, with the nearest names. */
export function unknownFieldWarnings(command: string, wanted: readonly string[], present: readonly string[], store: EventStore, span: Span): Diagnostic[] {
  const have = new Set([...present, "_time"]);
  const out: Diagnostic[] = [];
  let candidates: string[] | null = null;
  for (const name of wanted) {
    if (name.includes("*") || have.has(name) || store.column(name)) continue;
    candidates ??= [...new Set([...present, ...store.fieldNames()])];
    const near = suggest(name, candidates);
    if (near.length === 0) continue;
    out.push(
      diag("unknown-field", { command, field: name }, span, {
        severity: "warning",
        hints: [`did you mean ${near.map((x) => `"${x}"`).join(" or ")}?`],
      }),
    );
  }
  return out;
}

/**
 * Fields whose values name what was loaded. A search for a sourcetype or source no event has
 * (`sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operationl`: a source, misspelt, given as
 * a sourcetype) finds nothing and says nothing; the nearest names of either field are the hint.
 */
const NAMING_FIELDS = ["sourcetype", "source"] as const;

/**
 * Warnings for `sourcetype=V` / `source=V` terms (also `IN (…)`; not under NOT, not wildcards)
 * written in the search itself (source `query`, not a macro body: ESCU's `sysmon` macro names
 * sourcetypes and sources that most data does not have) whose value no loaded event has
 * (case-insensitively, as the search matches), when a value of either field is a near miss. For
 * a search that found nothing. Alternatives of one OR are one group: when any of them names
 * something loaded, none is reported. Silent for data that is simply not loaded (no near miss).
 */
export function unknownValueWarnings(expr: SearchExpr | null, store: EventStore, query: number): Diagnostic[] {
  const groups = namingGroups(expr).map((g) => g.filter((t) => t.span.source === query)).filter((g) => g.length > 0);
  if (groups.length === 0 || store.length === 0) return [];
  const values = new Map(NAMING_FIELDS.map((f) => [f, distinctValues(store, f)] as const));
  const known = (t: NamingTerm) => (values.get(t.field) ?? []).some((v) => v.toLowerCase() === t.value.toLowerCase());
  const out: Diagnostic[] = [];
  for (const group of groups) {
    if (group.some(known)) continue;
    for (const t of group) {
      const near = NAMING_FIELDS.flatMap((f) => suggest(t.value, values.get(f) ?? []).map((v) => ({ f, v, d: editDistance(t.value, v) })));
      if (near.length === 0) continue;
      const best = Math.min(...near.map((n) => n.d));
      const hint = near.filter((n) => n.d === best).slice(0, 3).map((n) => `${n.f}="${n.v}"`);
      out.push(diag("unknown-value", { field: t.field, value: t.value }, t.span, { severity: "warning", hints: [`did you mean ${hint.join(" or ")}?`] }));
    }
  }
  return out;
}

interface NamingTerm {
  readonly field: (typeof NAMING_FIELDS)[number];
  readonly value: string;
  readonly span: Span;
}

/** The naming terms of a search, grouped: the alternatives of one OR form one group. */
function namingGroups(expr: SearchExpr | null): NamingTerm[][] {
  const groups: NamingTerm[][] = [];
  const termsOf = (e: SearchExpr): NamingTerm[] => {
    const field = e.kind === "compare" || e.kind === "in" ? NAMING_FIELDS.find((f) => f === e.field) : undefined;
    if (!field) return [];
    if (e.kind === "compare") return e.op === "=" && !e.value.text.includes("*") ? [{ field, value: e.value.text, span: e.span }] : [];
    if (e.kind === "in") return e.values.filter((v) => !v.text.includes("*")).map((v) => ({ field, value: v.text, span: v.span }));
    return [];
  };
  const visit = (e: SearchExpr): void => {
    if (e.kind === "and") return e.items.forEach(visit);
    if (e.kind === "or") {
      // Only flat alternatives are checked; an OR of larger expressions is left alone.
      const items = e.items.map(termsOf);
      if (items.every((t) => t.length > 0)) groups.push(items.flat());
      return;
    }
    const own = termsOf(e);
    if (own.length > 0) groups.push(own);
  };
  if (expr) visit(expr);
  return groups;
}

/**
 * The distinct values of a field over the store's rows, read from its ids chunk by chunk (a
 * store's dictionary may be shared with another field, so its entries are not the field's values).
 * An opened index's row groups answer from their footer's value list when they have one.
 */
function distinctValues(store: EventStore, field: string): string[] {
  const col = store.column(field);
  if (!col || col.kind !== "ids" || store.length === 0) return [];
  const seen = new Set<string>();
  const ids = new Set<number>();
  const chunks = store.chunkOf(store.length - 1) + 1;
  for (let c = 0; c < chunks; c++) {
    const stats = store.chunkStats(c, field);
    if (stats?.kind === "absent") continue;
    const listed = stats?.kind === "stats" ? stats.values?.() : undefined;
    if (listed) {
      for (const v of listed) seen.add(v);
      continue;
    }
    const chunk = col.chunkIds(c);
    if (chunk) for (let i = 0; i < chunk.length; i++) ids.add(chunk[i] as number);
  }
  for (const id of ids) if (id !== NULL_ID) for (const v of col.dict.values(id)) seen.add(v);
  return [...seen];
}
