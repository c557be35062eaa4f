/**
 * Hover docs at a cursor in a search: a command name (after `|`, or a pipeline's first word), a
 * function or stats function (a name followed by `(`), a macro call (its definition and file), a
 * datamodel field (`Processes.process_name`: its dataset and type). Null elsewhere, and inside
 * strings and comments.
 */
import { builtinMacros } from "../macros/builtins.js";
import { isAggregating } from "./aggregating.js";
import { cursorContext } from "./cursor-context.js";
import { aggregateDoc, findAggregate, findCommand, findFunction, functionDoc, commandDoc, macroDoc } from "./docs.js";
import type { EditorContext } from "./editor-context.js";
import { macroAt } from "./macro-at.js";
import { registryNames } from "./name-catalog.js";

export interface HoverResult {
  readonly from: number;
  readonly to: number;
  readonly markdown: string;
}

export function hoverAt(text: string, offset: number, ctx: EditorContext): HoverResult | null {
  const macro = macroAt(text, offset);
  if (macro) {
    const def = (ctx.macros ?? builtinMacros()).get(macro.name, macro.arity);
    const markdown = def ? macroDoc(def) : `**\`${macro.name}\`**: no macro of that name with ${macro.arity} argument(s) is defined`;
    return { from: macro.from, to: macro.to, markdown };
  }
  const word = wordAt(text, offset);
  if (!word) return null;
  const at = cursorContext(text, word.from);
  if (at.in !== "code") return null;
  const markdown = docOf(word.text, text, word.to, at);
  return markdown ? { from: word.from, to: word.to, markdown } : null;
}

function docOf(name: string, text: string, end: number, at: ReturnType<typeof cursorContext>): string | null {
  const cmd = findCommand(name);
  if (cmd && (at.atCommandName || at.head.trim() === "")) return commandDoc(cmd);
  if (/^\s*\(/.test(text.slice(end))) {
    const fn = findFunction(name);
    const agg = findAggregate(name);
    const preferAgg = isAggregating(at.command);
    if (agg && (preferAgg || !fn)) return aggregateDoc(agg);
    if (fn) return functionDoc(fn);
    return null;
  }
  if (isAggregating(at.command)) {
    const agg = findAggregate(name);
    if (agg) return aggregateDoc(agg);
  }
  const dot = name.indexOf(".");
  const field = dot > 0 ? registryNames().datasetFields.get(name.slice(0, dot))?.find((f) => f.label === name) : undefined;
  if (field) return [`**${field.label}** (datamodel field, ${field.detail ?? ""})`, field.doc].filter(Boolean).join("\n\n");
  return null;
}

/** The name around `offset` (identifiers and dotted datamodel paths). */
function wordAt(text: string, offset: number): { from: number; to: number; text: string } | null {
  const isWord = (c: string | undefined) => c !== undefined && /[\w.]/.test(c);
  let from = Math.max(0, Math.min(offset, text.length));
  let to = from;
  while (isWord(text[from - 1])) from--;
  while (isWord(text[to])) to++;
  if (to === from) return null;
  return { from, to, text: text.slice(from, to) };
}
