/**
 * Which fields a pipeline reads, for projection pushdown: the base search decodes only what the
 * rest can read, so `index=* | stats count by EventCode` decodes one field per event, not all of
 * them. The walk adds what each command reads until a command whose output holds only what it
 * read (stats, table, top, timechart…), and answers "all fields" (null) for any command it does not
 * fully know, any wildcard and any subsearch, so it never changes a result. Naming a field the
 * store lacks, or one a command defines, is harmless: projection only ever drops fields.
 */
import type { AggregateSpec, Command } from "../ast/commands.js";
import type { Expr, SearchExpr } from "../ast/nodes.js";

/** Stands for every internal `_*` field in a projection (the scan knows it: executor/store-scan.ts). */
export const INTERNAL_FIELDS = "_*";

/** The fields read after a leading base search, or null when that is not known. */
export function fieldsReadAfter(rest: readonly Command[]): Set<string> | null {
  const needs = new Set<string>(["_time"]);
  for (const c of rest) {
    const step = reads(c, needs);
    if (step === "unknown") return null;
    if (step === "last") return noWildcards(needs);
  }
  return null;
}

/**
 * Adds what one command reads. "last": its output holds only fields it read (or made), so nothing
 * after it reads the events; "unknown": it may read any field.
 */
function reads(c: Command, needs: Set<string>): "more" | "last" | "unknown" {
  const add = (...fs: readonly (string | undefined)[]) => fs.forEach((f) => f !== undefined && needs.add(f));
  const ok = (b: boolean) => (b ? "more" : "unknown");
  switch (c.kind) {
    case "stats":
      add(...c.by);
      return aggregateFields(c.aggregates, needs) ? "last" : "unknown";
    case "top":
    case "rare":
      add(...c.fields, ...c.by);
      return "last";
    case "timechart":
      add(c.by);
      return aggregateFields(c.aggregates, needs) ? "last" : "unknown";
    case "table":
      add(...c.fields);
      return "last";
    case "fields":
      if (c.remove) return "more"; // the fields it keeps are whatever comes later reads
      // Keeping fields also keeps every internal `_*` field (`_raw` too), as Splunk does.
      add(...c.fields, INTERNAL_FIELDS);
      return "last";
    case "eventstats":
    case "streamstats":
      add(...c.by);
      return ok(aggregateFields(c.aggregates, needs));
    case "head":
      return ok(!c.while || exprFields(c.while, needs));
    case "tail":
    case "reverse":
      return "more";
    case "search":
      return ok(!c.expr || searchFields(c.expr, needs));
    case "where":
      return ok(exprFields(c.expr, needs));
    case "eval":
      return ok(c.assignments.every((a) => (add(a.field), exprFields(a.expr, needs))));
    case "rename":
      for (const p of c.pairs) add(p.from, p.to);
      return "more";
    case "convert":
      for (const v of c.conversions) add(v.field, v.as);
      return "more";
    case "sort":
      add(...c.keys.map((k) => k.field));
      return "more";
    case "dedup":
      add(...c.fields, ...c.sortby.map((k) => k.field));
      return "more";
    case "fillnull":
      // Without a field list it fills the fields present, which after projection are the ones read.
      add(...c.fields);
      return "more";
    case "rex":
      add(c.field, c.offsetField, ...c.groups);
      return "more";
    case "regex":
    case "mvexpand":
    case "makemv":
    case "nomv":
    case "bin":
    case "bucket":
      add(c.field, "as" in c ? c.as : undefined);
      return "more";
    case "spath":
      add(c.input, c.output);
      return c.output === undefined && c.path === undefined ? "unknown" : "more";
    case "iplocation":
      add(c.field);
      return "more";
    case "lookup":
      // Without OUTPUT fields it writes (OUTPUTNEW: fills) every lookup column, unknown here.
      add(...c.inputs.map((i) => i.eventField), ...c.outputs.map((o) => o.eventField));
      return c.outputs.length > 0 ? "more" : "unknown";
    default:
      return "unknown";
  }
}

/** Adds the fields of stats-like aggregates; false when one reads fields it cannot name. */
function aggregateFields(aggs: readonly AggregateSpec[], needs: Set<string>): boolean {
  for (const a of aggs) {
    if (a.field !== null) needs.add(a.field);
    if (a.evalExpr && !exprFields(a.evalExpr, needs)) return false;
  }
  return true;
}

function noWildcards(needs: Set<string>): Set<string> | null {
  for (const f of needs) if (f.includes("*") && f !== INTERNAL_FIELDS) return null;
  return needs;
}

/** Adds the fields a search expression reads; false when it cannot tell (subsearches). */
export function searchFields(e: SearchExpr, into: Set<string>): boolean {
  switch (e.kind) {
    case "and":
    case "or":
      return e.items.every((i) => searchFields(i, into));
    case "not":
      return searchFields(e.operand, into);
    case "term":
      // `search *` (ESCU's empty filter macros) matches every row without reading `_raw`.
      if (e.value.text !== "*") into.add("_raw");
      return true;
    case "compare":
    case "in":
      into.add(e.field);
      return true;
    case "subsearch":
      return false;
  }
}

/** Functions that read fields their arguments do not name: `searchmatch("user=bob")`. */
const READS_ANY_FIELD = new Set(["searchmatch"]);

/** Adds the fields an eval expression reads; false when it cannot tell. */
function exprFields(e: Expr, into: Set<string>): boolean {
  switch (e.kind) {
    case "field":
      into.add(e.name);
      return true;
    case "literal":
    case "error":
      return true;
    case "unary":
      return exprFields(e.operand, into);
    case "binary":
      return exprFields(e.left, into) && exprFields(e.right, into);
    case "in":
      return exprFields(e.subject, into) && e.values.every((v) => exprFields(v, into));
    case "call":
      return !READS_ANY_FIELD.has(e.name.toLowerCase()) && e.args.every((a) => exprFields(a, into));
    case "subsearch":
      return false;
  }
}
