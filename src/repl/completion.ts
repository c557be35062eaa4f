/**
 * Tab completion for the REPL: dot commands and their arguments here; a search is completed by the
 * editor services (src/editor/complete-at.ts, shared with `minispl lsp` and the web UI) over this
 * catalog of names: command names after `|`, macro names after a backtick, `Model.Dataset` after
 * `datamodel=`, datamodel fields after `Processes.` (the prefix tstats uses), and otherwise eval and
 * stats functions and the loaded data's field names. Returns what node:readline's completer expects.
 */
import { completeWith, registryNames, type CompletionItem, type NameCatalog } from "../index.js";

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

  const text = previous === "" ? before : `${previous}\n${before}`;
  const r = completeWith(text, text.length, namesOf(cat));
  const word = text.slice(r.from);
  // Tab on nothing in an expression would list every function and field: offer nothing.
  if (word === "" && (r.place === "expression" || r.place === "none")) return [[], word];
  return [uniqSorted(r.items.map((i) => i.insert ?? i.label)), word];
}

/** The catalog as the editor services' names: the REPL's own lists, the registries' stats functions. */
function namesOf(cat: CompletionCatalog): NameCatalog {
  const items = (kind: CompletionItem["kind"], xs: readonly string[], insert?: (x: string) => string): CompletionItem[] =>
    xs.map((label) => ({ label, kind, ...(insert ? { insert: insert(label) } : {}) }));
  return {
    commands: items("command", cat.commands),
    functions: items("function", cat.functions, (f) => `${f}(`),
    aggregates: registryNames().aggregates,
    macros: items("macro", cat.macros),
    fields: items("field", cat.fields),
    datasets: items("datamodel", cat.datasets),
    datasetFields: new Map([...cat.datasetFields].map(([root, fields]) => [root, items("field", fields)])),
  };
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
