/**
 * What lookup, inputlookup and outputlookup share: reading the table name at check time, and at
 * run time resolving it with the choice for tables that are not there.
 *
 * A lookup ESCU uses but does not ship (ES asset/identity tables, KV-store collections, the CSV
 * left out for size) gives an empty table and a warning naming it, never an error: the rest of
 * the detection still runs, and the warning says why a field stayed empty (README "Choices").
 * `inputlookup strict=true` turns that into an error, as Splunk's strict does for input errors.
 */
import type { LookupCommand } from "../ast/commands-lookup.js";
import type { CommandNode } from "../ast/nodes.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { ResolvedLookup } from "../lookups/store.js";
import type { Span } from "../source/source-text.js";
import { argsOf, textOf } from "./args.js";
import type { CheckContext, ExecContext } from "./types.js";

/** The first positional as the table name (no AS); null (reported) when absent. */
export function tableName(node: CommandNode, ctx: CheckContext): { name: string; span: Span } | null {
  const first = argsOf(node, "positional")[0];
  if (!first) {
    ctx.report(diag("bad-argument", { command: node.name, message: "needs a lookup table: a lookup definition name or a .csv file name" }, node.span));
    return null;
  }
  if (first.alias) ctx.report(diag("bad-argument", { command: node.name, message: "the lookup table name takes no AS" }, first.alias.span));
  const name = textOf(first.value, node, ctx, "a lookup table name");
  return name === null ? null : { name, span: first.value.span };
}

/** Positionals after the table name must not be there (inputlookup, outputlookup). */
export function rejectExtraPositionals(node: CommandNode, ctx: CheckContext): void {
  for (const p of argsOf(node, "positional").slice(1)) {
    ctx.report(diag("bad-argument", { command: node.name, message: "takes one lookup table name" }, p.span));
  }
}

/** Resolves a table for reading; a missing one warns (or with `strict`, fails) and reads as empty. */
export function resolveForRead(ctx: ExecContext, cmd: LookupCommand, strict = false): ResolvedLookup {
  const res = ctx.lookups.resolve(cmd.table);
  if (res.table) return res;
  const hints = res.definition ? [] : didYouMean(cmd.table, ctx.lookups.names());
  const message = `${cmd.kind}: ${res.missing ?? `lookup "${cmd.table}" is not available`}`;
  const extra = { hints, ...(cmd.origin ? { origin: cmd.origin } : {}) };
  if (strict) throw new SplRuntimeError(diag("runtime-error", { message }, cmd.tableSpan, extra));
  ctx.warn(diag("runtime-error", { message: `${message}; using an empty table` }, cmd.tableSpan, { ...extra, severity: "warning" }));
  return res;
}
