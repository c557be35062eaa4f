/**
 * Tab completion for the REPL, pure over a catalog of names: dot commands and their arguments,
 * command names after `|`, macro names after a backtick, `Model.Dataset` after `datamodel=`,
 * datamodel fields after `Processes.` (the prefix tstats uses), and otherwise eval functions and
 * the loaded data's field names. Returns what node:readline's completer expects.
 */
import { openState } from "./continuation.js";

export interface CompletionCatalog {
  readonly dotCommands: readonly string[];
  readonly commands: readonly string[];
  readonly functions: readonly string[];
  /** Macro names (without arity). */
  readonly macros: readonly string[];
  /** Field names of the loaded events. */
  readonly fields: readonly string[];
  /** `Model.Dataset` names. */
  readonly datasets: readonly string[];
  /** Root dataset name (the tstats prefix, e.g. `Processes`) → its prefixed field names. */
  readonly datasetFields: ReadonlyMap<string, readonly string[]>;
  /** Fixed argument choices of dot commands, e.g. `.format` → table, json, … */
  readonly dotArgs: ReadonlyMap<string, readonly string[]>;
}

export type Completion = [string[], string];

const uniqSorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
const startingWith = (xs: Iterable<string>, prefix: string): string[] => uniqSorted([...xs].filter((x) => x.startsWith(prefix)));

/** Completes the text before the cursor. `before` is the current line; `previous` the earlier lines of the entry. */
export function complete(before: string, cat: CompletionCatalog, previous = ""): Completion {
  const dot = /^\s*(\.\w*)$/.exec(before);
  if (dot && previous === "") return [startingWith(cat.dotCommands, dot[1] ?? ""), dot[1] ?? ""];
  const dotArg = /^\s*(\.\w+)\s+(.*)$/.exec(before);
  if (dotArg && previous === "") return completeDotArg(dotArg[1] ?? "", dotArg[2] ?? "", cat);

  const all = previous === "" ? before : `${previous}\n${before}`;
  if (openState(all).quote === "`") {
    const word = /`([\w-]*)$/.exec(before)?.[1] ?? "";
    return [startingWith(cat.macros, word), word];
  }
  const word = /[\w.:*-]*$/.exec(before)?.[0] ?? "";
  const head = before.slice(0, before.length - word.length);
  if (/(^|\|)\s*$/.test(head) && (head.trim() !== "" || previous !== "")) return [startingWith(cat.commands, word), word];
  if (/\bdatamodel\s*=\s*$/i.test(head)) return [startingWith(cat.datasets, word), word];
  const dotAt = word.indexOf(".");
  if (dotAt > 0) {
    const dmFields = cat.datasetFields.get(word.slice(0, dotAt));
    if (dmFields) return [startingWith(dmFields, word), word];
  }
  if (word === "") return [[], word];
  const fns = cat.functions.filter((f) => f.startsWith(word)).map((f) => `${f}(`);
  const roots = [...cat.datasetFields.keys()].filter((r) => r.startsWith(word)).map((r) => `${r}.`);
  return [uniqSorted([...fns, ...startingWith(cat.fields, word), ...roots]), word];
}

function completeDotArg(cmd: string, arg: string, cat: CompletionCatalog): Completion {
  const word = /\S*$/.exec(arg)?.[0] ?? "";
  let pool: readonly string[] = [];
  if (cmd === ".help") pool = [...cat.commands, ...cat.functions];
  else if (cmd === ".fields") pool = cat.datasets;
  else if (cmd === ".macros") pool = cat.macros;
  else if (cmd === ".explain") return complete(arg, cat);
  else pool = cat.dotArgs.get(cmd) ?? [];
  return [startingWith(pool, word), word];
}
