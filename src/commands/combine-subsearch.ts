/**
 * Reading the `[ … ]` argument of join/append/appendpipe/appendcols/foreach/map: exactly one,
 * checked as a nested pipeline. (A bracket that begins with a command name, `[stats …]`, already
 * parses as that command: parser/command-syntax.ts.)
 *
 * Also the two fields a subsearch's results use as search text rather than as `field=value`
 * (Search Manual, "Change the format of subsearch results": "the 'search' and 'query' fields have
 * their values rendered directly in the reformatted search string"): `search` (what `return` and
 * `format` produce) is parsed as search terms; `query` is searched for as a quoted term ("looking
 * for the values in the fields returned from the subsearch, but not in these exact fields").
 */
import type { Command } from "../ast/commands.js";
import type { ArgValue, CommandNode, SearchExpr, SearchSubsearch } from "../ast/nodes.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { parseSearch } from "../frontend.js";
import { argsOf } from "./args.js";
import type { CheckContext } from "./types.js";

type SubsearchValue = Extract<ArgValue, { kind: "subsearch" }>;

/** The single subsearch argument of a command, or null (and a diagnostic) when there is none. */
export function subsearchValue(node: CommandNode, ctx: CheckContext, what = "a [subsearch]"): SubsearchValue | null {
  const subs = argsOf(node, "positional").filter((p) => p.value.kind === "subsearch");
  for (const extra of subs.slice(1)) {
    ctx.report(diag("bad-argument", { command: node.name, message: "takes a single [subsearch]" }, extra.span));
  }
  const first = subs[0]?.value;
  if (!first || first.kind !== "subsearch") {
    ctx.report(diag("bad-argument", { command: node.name, message: `needs ${what}` }, node.span));
    return null;
  }
  return first;
}

/** Checks a nested pipeline; null when it has errors (already reported). */
export function checkSubpipeline(sub: SubsearchValue, ctx: CheckContext): readonly Command[] | null {
  return ctx.checkPipeline(sub.pipeline);
}

/** Reads and checks the subsearch of a command in one step; null when it has errors (already reported). */
export function readSubsearch(node: CommandNode, ctx: CheckContext, what?: string): readonly Command[] | null {
  const sub = subsearchValue(node, ctx, what);
  return sub ? ctx.checkPipeline(sub.pipeline) : null;
}

/** Reports every positional argument that is not the [subsearch] (append, appendcols). */
export function rejectOtherPositionals(node: CommandNode, ctx: CheckContext): void {
  for (const p of argsOf(node, "positional")) {
    if (p.value.kind !== "subsearch") ctx.report(diag("bad-argument", { command: node.name, message: "expected only options and a [subsearch]" }, p.span));
  }
}

/** The subsearch result fields rendered as search text instead of `field=value`. */
export function isSearchTextField(field: string): boolean {
  return field === "search" || field === "query";
}

/**
 * The search term a `search` or `query` value stands for in the outer search (`*` for an empty
 * `search` value, which adds no condition). Parse errors in a `search` value are runtime errors at the
 * subsearch; the parsed terms carry the subsearch's position.
 */
export function searchTextTerm(field: string, text: string, at: SearchSubsearch): SearchExpr | null {
  const base = { span: at.span, ...(at.origin ? { origin: at.origin } : {}) };
  if (field === "query") return { kind: "term", value: { text, quoted: true, ...base }, ...base };
  // An empty search string adds no condition: "the subsearch returns an empty string. The final
  // result of the full search is all events" (return reference).
  if (text.trim() === "") return { kind: "term", value: { text: "*", quoted: false, ...base }, ...base };
  // format's "empty string NOT( )" (format reference) stands for no results: it matches nothing.
  if (/^\s*NOT\(\s*\)\s*$/.test(text)) return { kind: "not", operand: { kind: "term", value: { text: "*", quoted: false, ...base }, ...base }, ...base };
  const parsed = parseSearch(`search ${text}`);
  const fail = (why: string) => new SplRuntimeError(diag("runtime-error", { message: `the subsearch's search field is not a search (${why}): ${text}` }, at.span));
  const error = parsed.diagnostics.find((d) => d.severity === "error");
  if (error) throw fail(error.message);
  const commands = parsed.pipeline?.commands ?? [];
  if (commands.length !== 1) throw fail("it holds a pipe");
  const expr = argsOf(commands[0] as CommandNode, "search")[0]?.expr;
  if (!expr) return null;
  return respan(expr, base, fail);
}

/** The parsed expression with every position replaced by the subsearch's (they index another text). */
function respan(e: SearchExpr, base: { span: SearchSubsearch["span"]; origin?: SearchSubsearch["origin"] }, fail: (why: string) => Error): SearchExpr {
  switch (e.kind) {
    case "subsearch": throw fail("it holds another subsearch");
    case "and": case "or": return { kind: e.kind, items: e.items.map((i) => respan(i, base, fail)), ...base };
    case "not": return { kind: "not", operand: respan(e.operand, base, fail), ...base };
    case "term": return { kind: "term", value: { text: e.value.text, quoted: e.value.quoted, ...base }, ...base };
    case "compare": return { kind: "compare", field: e.field, fieldSpan: base.span, op: e.op, value: { text: e.value.text, quoted: e.value.quoted, ...base }, ...base };
    case "in": return { kind: "in", field: e.field, fieldSpan: base.span, values: e.values.map((v) => ({ text: v.text, quoted: v.quoted, ...base })), ...base };
  }
}
