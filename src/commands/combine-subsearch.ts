/**
 * Reading the `[ … ]` argument of join/append/appendpipe/appendcols/foreach/map: exactly one,
 * checked as a nested pipeline. A bracket that begins with a non-generating command name but no
 * `|` (`[stats …]`) is parsed as search terms (the grammar starts a command there only for
 * eval/where and generating commands), so it is reported instead of silently searching for the
 * word "stats"; Splunk runs such a bracket as the command.
 */
import type { Command } from "../ast/commands.js";
import type { ArgValue, CommandNode, Pipeline } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { argsOf } from "./args.js";
import type { CheckContext } from "./types.js";

type SubsearchValue = Extract<ArgValue, { kind: "subsearch" }>;

/** Command names that, written first inside brackets without `|`, Splunk runs as a command. */
const COMMAND_WORDS = new Set([
  "stats", "from", "eventstats",
  "streamstats", "timechart", "chart", "table", "fields", "rename", "lookup", "rex", "dedup", "sort", "head",
  "tail", "top", "rare", "transaction", "map", "fillnull", "spath", "bin", "bucket", "convert", "append",
  "join", "mvexpand", "makemv", "regex", "iplocation", "xmlkv", "return", "format", "untable", "xyseries",
]);

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

/** Checks the nested pipeline; null when it has errors (already reported). */
export function checkSubpipeline(sub: SubsearchValue, node: CommandNode, ctx: CheckContext): readonly Command[] | null {
  if (!leadingCommandOk(sub.pipeline, node, ctx)) return null;
  return ctx.checkPipeline(sub.pipeline);
}

/** Reads and checks the subsearch of a command in one step. */
export function readSubsearch(node: CommandNode, ctx: CheckContext, what?: string): readonly Command[] | null {
  const sub = subsearchValue(node, ctx, what);
  return sub ? checkSubpipeline(sub, node, ctx) : null;
}

function leadingCommandOk(p: Pipeline, node: CommandNode, ctx: CheckContext): boolean {
  const first = p.commands[0];
  const arg = first?.implicit ? argsOf(first, "search")[0] : undefined;
  let e = arg?.expr ?? null;
  while (e && e.kind === "and") e = e.items[0] ?? null;
  if (!e || e.kind !== "term" || e.value.quoted || !COMMAND_WORDS.has(e.value.text.toLowerCase())) return true;
  ctx.report(diag("bad-argument", {
    command: node.name,
    message: `"[${e.value.text} …" is read as search terms; write "[| ${e.value.text} …" to run the ${e.value.text} command`,
  }, e.span));
  return false;
}
