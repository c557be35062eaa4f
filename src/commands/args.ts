/**
 * Reading the generic command shape: options, positionals, BY lists, aggregate specs. Every
 * unexpected piece is reported with its span, never silently ignored.
 */
import type { AggregateSpec } from "../ast/commands.js";
import type { ArgValue, CommandArg, CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { AGGREGATES, lookupAggregate } from "../aggregates/registry.js";
import type { Span } from "../source/source-text.js";
import type { CheckContext } from "./types.js";

type Positional = Extract<CommandArg, { kind: "positional" }>;
export type OptionArg = Extract<CommandArg, { kind: "option" }>;

export function argsOf<K extends CommandArg["kind"]>(node: CommandNode, kind: K): Extract<CommandArg, { kind: K }>[] {
  return node.args.filter((a): a is Extract<CommandArg, { kind: K }> => a.kind === kind);
}

/** Options by lower-cased key; reports keys not in `allowed` and repeated keys. */
export function readOptions(node: CommandNode, allowed: readonly string[], ctx: CheckContext): Map<string, OptionArg> {
  const out = new Map<string, OptionArg>();
  for (const o of argsOf(node, "option")) {
    const key = o.key.toLowerCase();
    if (!allowed.includes(key)) {
      ctx.report(diag("bad-argument", { command: node.name, message: `unknown option "${o.key}"` }, o.keySpan, { hints: didYouMean(o.key, allowed) }));
      continue;
    }
    out.set(key, o);
  }
  return out;
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

/** Reads `fn(field) [AS name]` / bare `count` positionals into aggregate specs. */
export function aggregateSpec(p: Positional, node: CommandNode, ctx: CheckContext, allowEval: boolean): AggregateSpec | null {
  const v = p.value;
  if (v.kind === "word" || v.kind === "string") {
    const name = v.text.toLowerCase();
    if (name === "count" || lookupAggregate(name)?.def.name === "count") {
      return { fn: "count", field: null, as: p.alias?.name ?? v.text, span: p.span };
    }
    reportUnknownAggregate(v.text, v.span, ctx);
    return null;
  }
  if (v.kind !== "call") {
    ctx.report(diag("bad-argument", { command: node.name, message: "expected an aggregate function such as count or values(field)" }, v.span));
    return null;
  }
  const fn = v.name.toLowerCase();
  if (fn !== "count" && !lookupAggregate(fn)) {
    reportUnknownAggregate(v.name, v.span, ctx);
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

function argText(a: ArgValue): string {
  if (a.kind === "word" || a.kind === "string") return a.text;
  if (a.kind === "call") return `${a.name}(${a.args.map(argText).join(", ")})`;
  return "…";
}

function reportUnknownAggregate(name: string, span: Span, ctx: CheckContext): void {
  const names = [...AGGREGATES.keys()];
  ctx.report(diag("unknown-aggregate", { name }, span, { hints: didYouMean(name, names) }));
}
