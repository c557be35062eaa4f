/**
 * `minispl explain <spl>`: the REPL's `.explain` for scripts. Prints the macro-expanded text, the
 * parsed pipeline and the plan on stdout, diagnostics on stderr; exit 2 when a stage fails.
 */
import { explainSearch } from "../repl/explain.js";
import { EXIT } from "./exit-codes.js";
import { loadMacros } from "./load-files.js";
import type { Io } from "./session.js";

export interface ExplainOptions {
  macros: string[];
  followSymlinks?: boolean;
}

export function explainCommand(spl: string, opts: ExplainOptions, io: Io): number {
  const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  const e = explainSearch(spl, { macros: macros.table, color: io.color });
  io.out(e.text);
  if (e.diagnostics) io.err(e.diagnostics);
  return e.ok ? EXIT.ok : EXIT.spl;
}
