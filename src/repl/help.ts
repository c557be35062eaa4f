/**
 * `.help`: the REPL's own commands, or one SPL command / eval function / stats aggregate, read
 * from the registries' own summary, usage, signature and examples (so help never drifts from
 * what the engine does), word-wrapped to the terminal's width (`width`; Infinity: not wrapped).
 */
import { AGGREGATES, COMMANDS, FUNCTIONS } from "../index.js";
import { DOT_COMMANDS } from "./dot-commands.js";
import { wordWrap } from "./word-wrap.js";

export function helpText(topic: string, width = Number.POSITIVE_INFINITY): string {
  return wordWrap(helpBody(topic), width);
}

function helpBody(topic: string): string {
  const t = topic.trim();
  if (t === "") return overview();
  const name = t.replace(/^\|\s*/, "").replace(/\($/, "");
  const parts: string[] = [];
  const cmd = Object.values(COMMANDS).find((c) => c.kind === name);
  if (cmd) {
    parts.push(`command ${cmd.kind}${cmd.generating ? " (generating: starts a search with |)" : ""}`, `  ${cmd.summary}`, "", "usage:", `  ${cmd.usage}`);
    if (cmd.examples.length) parts.push("", "examples:", ...cmd.examples.map((e) => `  ${e}`));
  }
  const fn = FUNCTIONS.get(name);
  if (fn) {
    if (parts.length) parts.push("");
    parts.push(`eval function ${fn.signature}  [${fn.category}]`, `  ${fn.summary}`);
    if (fn.examples.length) {
      parts.push("", "examples:");
      for (const e of fn.examples) parts.push(`  ${e.setup ? `${e.setup}, ` : ""}${e.expr}  →  ${JSON.stringify(e.result)}`);
    }
  }
  const agg = AGGREGATES.get(name);
  if (agg) {
    if (parts.length) parts.push("");
    parts.push(`stats function ${agg.signature}${agg.aliases?.length ? ` (also ${agg.aliases.join(", ")})` : ""}`, `  ${agg.summary}`);
  }
  if (parts.length === 0) {
    const names = [...Object.keys(COMMANDS), ...FUNCTIONS.keys(), ...AGGREGATES.keys()];
    const near = names.filter((n) => n.startsWith(name.slice(0, 2))).sort().slice(0, 8);
    return `no command or function named "${name}"${near.length ? `; similar: ${near.join(", ")}` : ""}\n`;
  }
  return `${parts.join("\n")}\n`;
}

function overview(): string {
  const width = Math.max(...DOT_COMMANDS.map((d) => d.usage.length));
  const lines = [
    "Type an SPL search and press Enter; it continues on the next line while a bracket or quote is open",
    "or the line ends with |. Tab completes commands, functions, macros and fields; Ctrl-C cancels a",
    "running search (or the line being typed); Ctrl-D or .exit leaves.",
    "",
    ...DOT_COMMANDS.map((d) => `  ${d.usage.padEnd(width)}  ${d.summary}`),
    "",
    `commands: ${Object.keys(COMMANDS).sort().join(" ")}`,
  ];
  return `${lines.join("\n")}\n`;
}
