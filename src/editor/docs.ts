/**
 * Markdown docs of the names a search uses, read from the registries' own summary, usage,
 * signature and examples (the REPL's `.help` reads the same fields), so hover and completion never
 * drift from what the engine runs.
 */
import { AGGREGATES } from "../aggregates/registry.js";
import type { AggregateDef } from "../aggregates/types.js";
import { COMMANDS } from "../commands/registry.js";
import type { FunctionDef } from "../functions/types.js";
import { FUNCTIONS } from "../functions/registry.js";
import type { MacroDef } from "../macros/macro-table.js";

type AnyCommand = (typeof COMMANDS)[keyof typeof COMMANDS];

const fence = (lines: readonly string[]) => ["```spl", ...lines, "```"].join("\n");

/** The command's docs: summary, usage and examples. */
export function commandDoc(def: AnyCommand): string {
  const head = `**${def.kind}** (command${def.generating ? ", generating: starts a search with `|`" : ""})`;
  const parts = [head, def.summary, fence([def.usage])];
  if (def.examples.length) parts.push("Examples:", fence(def.examples));
  return parts.join("\n\n");
}

/** The eval function's docs: signature, category, summary and examples with their results. */
export function functionDoc(def: FunctionDef): string {
  const parts = [`**${def.signature}** (eval function, ${def.category})`, def.summary];
  if (def.examples.length) {
    parts.push("Examples:", fence(def.examples.map((e) => `${e.setup ? `${e.setup}, ` : ""}${e.expr}  →  ${JSON.stringify(e.result)}`)));
  }
  return parts.join("\n\n");
}

/** The stats function's docs: signature, aliases and summary. */
export function aggregateDoc(def: AggregateDef): string {
  const also = def.aliases?.length ? `; also ${def.aliases.map((a) => `\`${a}\``).join(", ")}` : "";
  return [`**${def.signature}** (stats function${also})`, def.summary].join("\n\n");
}

/** A macro's docs: its call shape, where it is defined and its definition. */
export function macroDoc(def: MacroDef): string {
  const call = def.args.length ? `${def.name}(${def.args.join(", ")})` : def.name;
  return [`**\`${call}\`** (macro, ${def.origin})`, fence([def.definition])].join("\n\n");
}

/** The command named exactly `name` (SPL command names are lower-case). */
export function findCommand(name: string): AnyCommand | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name as keyof typeof COMMANDS] : undefined;
}

/** The eval function named `name`. */
export function findFunction(name: string): FunctionDef | undefined {
  return FUNCTIONS.get(name);
}

/** The stats function named `name` or one of its aliases. */
export function findAggregate(name: string): AggregateDef | undefined {
  return AGGREGATES.get(name) ?? [...AGGREGATES.values()].find((a) => a.aliases?.includes(name));
}
