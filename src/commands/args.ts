/**
 * Reading the generic command shape: options, positionals, BY lists, aggregate specs. Every
 * unexpected piece is reported with its span, never silently ignored.
 */
import type { AggregateSpec } from "../ast/commands.js";
import type { ArgValue, CommandArg, CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { AGGREGATES, lookupAggregate } from "../aggregates/registry.js";
import { UNSUPPORTED_AGGREGATES } from "../aggregates/unsupported.js";
import type { Span } from "../source/source-text.js";
import type { CheckContext } from "./types.js";

type Positional = Extract<CommandArg, { kind: "positional" }>;
export type OptionArg = Extract<CommandArg, { kind: "option" }>;

export function argsOf<K extends CommandArg["kind"]>(node: CommandNode, kind: K): Extract<CommandArg, { kind: K }>[] {
  return node.args.filter((a): a is Extract<CommandArg, { kind: K }> => a.kind === kind);
}

/**
 * Options by lower-cased key; reports keys not in `allowed` and repeated keys. A Splunk option
 * minispl does not implement is named in `unsupported` with its reason, so it is reported as
 * "not supported: <reason>" rather than as a typo.
 */
export function readOptions(
  node: CommandNode, allowed: readonly string[], ctx: CheckContext, unsupported: Readonly<Record<string, string>> = {},
): Map<string, OptionArg> {
  const out = new Map<string, OptionArg>();
  for (const o of argsOf(node, "option")) {
    const key = o.key.toLowerCase();
    if (Object.hasOwn(unsupported, key)) {
      ctx.report(diag("bad-argument", { command: node.name, message: `option ${o.key}= is not supported: ${unsupported[key]}` }, o.keySpan));
      continue;
    }
    if (!allowed.includes(key)) {
      // `allowed` and `unsupported` travel with the diagnostic: the hint names the first, and
      // options.test.ts reads both (every accepted option is proven; every refused one is in the README).
      const near = didYouMean(o.key, allowed);
      const all = allowed.length === 0 ? `${node.name} takes no options` : `${node.name} takes: ${allowed.join(", ")}`;
      ctx.report(diag("bad-argument", { command: node.name, message: `unknown option "${o.key}"`, allowed, unsupported }, o.keySpan, { hints: [...near, all] }));
      continue;
    }
    out.set(key, o);
  }
  return out;
}

/**
 * Warns that an accepted option only a Splunk server could act on does nothing here (an
 * OptionProof's `warning` form): the search runs, and the user is told rather than misled.
 */
export function warnNoEffect(o: OptionArg | undefined, node: CommandNode, ctx: CheckContext, reason: string): void {
  if (!o) return;
  ctx.report(diag("option-no-effect", { command: node.name, option: o.key, reason }, o.keySpan, { severity: "warning" }));
}

/** Reports every argument of a kind the command does not take. */
export function rejectKinds(node: CommandNode, kinds: readonly CommandArg["kind"][], ctx: CheckContext): void {
  for (const a of node.args) {
    if (kinds.includes(a.kind)) {
      const what = a.kind === "by" ? "a BY clause" : a.kind === "where" ? "a WHERE clause" : `this ${a.kind} argument`;
      ctx.report(diag("bad-argument", { command: node.name, message: `does not take ${what}` }, a.span));
    }
  }
}

/** Plain text of a word or string value; null (and a diagnostic) for calls/subsearches. */
export function textOf(v: ArgValue, node: CommandNode, ctx: CheckContext, what = "a value"): string | null {
  if (v.kind === "word" || v.kind === "string") return v.text;
  ctx.report(diag("bad-argument", { command: node.name, message: `expected ${what}` }, v.span));
  return null;
}

export function boolOption(o: OptionArg | undefined, node: CommandNode, ctx: CheckContext, dflt: boolean): boolean {
  if (!o) return dflt;
  const t = textOf(o.value, node, ctx, "true or false")?.toLowerCase();
  if (t === "true" || t === "t" || t === "1") return true;
  if (t === "false" || t === "f" || t === "0") return false;
  ctx.report(diag("bad-argument", { command: node.name, message: `${o.key} must be true or false` }, o.value.span));
  return dflt;
}

export function intValue(v: ArgValue, node: CommandNode, ctx: CheckContext, what: string): number | null {
  const t = textOf(v, node, ctx, what);
  if (t === null) return null;
  if (!/^\d+$/.test(t)) {
    ctx.report(diag("bad-argument", { command: node.name, message: `${what} must be a non-negative integer, got "${t}"` }, v.span));
    return null;
  }
  return Number(t);
}

/** Field names of BY clauses. */
export function byFields(node: CommandNode): { name: string; span: Span }[] {
  return argsOf(node, "by").flatMap((b) => [...b.fields]);
}

/**
 * Reads `fn(field) [AS name]` / bare `count` positionals into aggregate specs. A field or AS name
 * may be double- or single-quoted: `perc50('visitors total')`, `AS 'visitors total'` (Aggregate
 * functions, perc extended example); the output column is then named without the quotes,
 * `perc50(visitors total)`, as that page's result table shows.
 */
export function aggregateSpec(p: Positional, node: CommandNode, ctx: CheckContext, allowEval: boolean): AggregateSpec | null {
  const v = decimalPercentile(p.value);
  if (v.kind === "word" || v.kind === "string") {
    const name = v.text.toLowerCase();
    if (name === "count" || lookupAggregate(name)?.def.name === "count") {
      return { fn: "count", field: null, as: p.alias?.name ?? v.text, span: p.span };
    }
    // `stats avg`: "processes it as if it were applied to a wildcard for all fields" (stats and
    // streamstats references, deprecated implicit wildcard) — avg(*), expanded by those commands.
    if (v.kind === "word" && lookupAggregate(name) && IMPLICIT_WILDCARD.has(node.name.toLowerCase())) {
      return { fn: name, field: "*", as: p.alias?.name ?? `${v.text}(*)`, span: p.span };
    }
    reportUnknownAggregate(v.text, v.span, ctx, node.name);
    return null;
  }
  if (v.kind !== "call") {
    ctx.report(diag("bad-argument", { command: node.name, message: "expected an aggregate function such as count or values(field)" }, v.span));
    return null;
  }
  const fn = v.name.toLowerCase();
  if (fn !== "count" && !lookupAggregate(fn)) {
    reportUnknownAggregate(v.name, v.span, ctx, node.name);
    return null;
  }
  const arg = v.args[0];
  if (v.args.length !== 1 || !arg) {
    ctx.report(diag("bad-argument", { command: node.name, message: `${v.name}() takes one field` }, v.span));
    return null;
  }
  const written = `${v.name}(${argText(arg)})`;
  const as = p.alias?.name ?? written;
  if (arg.kind === "call" && arg.name.toLowerCase() === "eval") {
    const inner = arg.args[0];
    if (!allowEval || !inner || inner.kind !== "expr") {
      ctx.report(diag("bad-argument", { command: node.name, message: "eval() inside an aggregate is not supported here" }, arg.span));
      return null;
    }
    return { fn, field: null, evalExpr: inner.expr, as, span: p.span };
  }
  if (arg.kind !== "word" && arg.kind !== "string") {
    ctx.report(diag("bad-argument", { command: node.name, message: "an aggregate takes a field name" }, arg.span));
    return null;
  }
  return { fn, field: arg.text, as, span: p.span };
}

/**
 * `p99.95(Y)`: a percentile with a decimal point ("floating point numbers between 0 and 100, such
 * as 99.95", Aggregate functions, perc) is lexed as one glued word, not as a call; read it as the
 * call `p99.95(Y)` with Y (quotes removed) as its field.
 */
/** The commands that expand wildcard fields in aggregates (stats-wildcards.ts). */
const IMPLICIT_WILDCARD = new Set(["stats", "eventstats", "streamstats"]);

function decimalPercentile(v: ArgValue): ArgValue {
  if (v.kind !== "word") return v;
  const m = /^([A-Za-z_]+\d+\.\d+)\((\s*)([^()]*?)(\s*)\)$/.exec(v.text);
  if (!m) return v;
  const inner = m[3] as string;
  const quoted = /^(["'])(.*)\1$/.exec(inner);
  const name = m[1] as string;
  const start = v.span.start + name.length + 1 + (m[2] as string).length;
  const span = { ...v.span, start, end: start + inner.length };
  const arg: ArgValue = quoted ? { kind: "string", text: quoted[2] as string, span } : { kind: "word", text: inner, span };
  return { kind: "call", name, args: [arg], span: v.span };
}

function argText(a: ArgValue): string {
  if (a.kind === "word" || a.kind === "string") return a.text;
  if (a.kind === "call") return `${a.name}(${a.args.map(argText).join(", ")})`;
  // Splunk names `count(eval(status="404"))` by the search text as written.
  if (a.kind === "expr" && a.text !== undefined) return a.text;
  return "…";
}

function reportUnknownAggregate(name: string, span: Span, ctx: CheckContext, command: string): void {
  const lower = name.toLowerCase();
  const reason = command.toLowerCase() === "timechart" && lower.startsWith("per_") && UNSUPPORTED_AGGREGATES.has(lower)
    ? "minispl's timechart does not compute per-time-unit rates yet"
    : UNSUPPORTED_AGGREGATES.get(lower);
  if (reason !== undefined) {
    ctx.report(diag("unsupported-function", { name, reason }, span));
    return;
  }
  const names = [...AGGREGATES.keys()];
  ctx.report(diag("unknown-aggregate", { name }, span, { hints: didYouMean(name, names) }));
}
