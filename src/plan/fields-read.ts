/**
 * Which fields a pipeline reads, for projection pushdown: the base search decodes only what the
 * rest can read, so `index=* | stats count by EventCode` decodes one field per event, not all of
 * them. The walk only trusts commands whose inputs it fully knows (stats, table, fields, head,
 * search) and answers "all fields" (null) for anything else, so it never changes a result.
 */
import type { Command } from "../ast/commands.js";
import type { Expr, SearchExpr } from "../ast/nodes.js";

/** The fields read after a leading base search, or null when that is not known. */
export function fieldsReadAfter(rest: readonly Command[]): Set<string> | null {
  const needs = new Set<string>(["_time"]);
  for (const c of rest) {
    switch (c.kind) {
      case "stats": {
        for (const b of c.by) needs.add(b);
        for (const a of c.aggregates) {
          if (a.field !== null) needs.add(a.field);
          if (a.evalExpr && !exprFields(a.evalExpr, needs)) return null;
        }
        return noWildcards(needs);
      }
      case "table":
        for (const f of c.fields) needs.add(f);
        return noWildcards(needs);
      case "fields":
        if (c.remove) return null;
        for (const f of c.fields) needs.add(f);
        return noWildcards(needs);
      case "head":
        if (c.while && !exprFields(c.while, needs)) return null;
        break;
      case "search":
        if (c.expr && !searchFields(c.expr, needs)) return null;
        break;
      default:
        return null;
    }
  }
  return null;
}

function noWildcards(needs: Set<string>): Set<string> | null {
  for (const f of needs) if (f.includes("*")) return null;
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
      into.add("_raw");
      return true;
    case "compare":
    case "in":
      into.add(e.field);
      return true;
    case "subsearch":
      return false;
  }
}

/** Adds the fields an eval expression reads; false when it cannot tell (a call may read any field). */
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
      return false;
  }
}
