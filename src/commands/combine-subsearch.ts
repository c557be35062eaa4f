/**
 * Reading the `[ … ]` argument of join/append/appendpipe/appendcols/foreach/map: exactly one,
 * checked as a nested pipeline. (A bracket that begins with a command name, `[stats …]`, already
 * parses as that command: parser/command-syntax.ts.)
 */
import type { Command } from "../ast/commands.js";
import type { ArgValue, CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
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
