/**
 * `minispl explain <spl | detection.yml>`: the REPL's `.explain` for scripts. Prints the
 * macro-expanded text, the parsed pipeline and the plan on stdout, diagnostics on stderr; exit 2
 * when a stage fails. A detection file is explained as `detect` runs it: its search, prefixed as
 * contentctl does, with its `_filter` macro defined (`search *`) unless the macros define it.
 * Search text that calls a `…_filter` macro no file defines gets the same default, so
 * `explain "$(yq .search det.yml)"` works as `detect` would.
 */
import { existsSync, statSync } from "node:fs";
import { runnableSearch, withFilterMacro, type MacroTable } from "../index.js";
import { explainSearch } from "../repl/explain.js";
import { EXIT } from "./exit-codes.js";
import { loadMacros, readDetectionFile } from "./load-files.js";
import type { Io } from "./session.js";

export interface ExplainOptions {
  macros: string[];
  followSymlinks?: boolean;
}

export function explainCommand(spl: string, opts: ExplainOptions, io: Io): number {
  const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  let text = spl;
  let table = macros.table;
  if (isDetectionFile(spl)) {
    const det = readDetectionFile(spl, io);
    if (!det) return EXIT.input;
    text = runnableSearch(det.search);
    table = withFilterMacro(det, table);
  } else table = withDefaultFilters(text, table);
  const e = explainSearch(text, { macros: table, color: io.color });
  io.out(e.text);
  if (e.diagnostics) io.err(e.diagnostics);
  return e.ok ? EXIT.ok : EXIT.spl;
}

/** A path to an existing .yml/.yaml file (search text never is one: it has spaces or a pipe first). */
function isDetectionFile(arg: string): boolean {
  return !arg.includes("\n") && /\.ya?ml$/i.test(arg) && existsSync(arg) && statSync(arg).isFile();
}

/** `search *` for each argument-less `…_filter` macro the text calls that the table lacks (contentctl's default). */
function withDefaultFilters(text: string, table: MacroTable): MacroTable {
  const names = new Set(Array.from(text.matchAll(/`([A-Za-z0-9_]+_filter)`/g), (m) => m[1] as string));
  const missing = [...names].filter((n) => !table.has(n, 0));
  if (missing.length === 0) return table;
  return table.with(missing.map((name) => ({ name, args: [], definition: "search *", origin: "generated (contentctl default)" })));
}
