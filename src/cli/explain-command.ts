/**
 * `minispl explain <spl>`: the REPL's `.explain` for scripts. Prints the macro-expanded text, the
 * parsed pipeline and the plan on stdout, diagnostics on stderr; exit 2 when a stage fails.
 */
import type { Command } from "commander";
import { explainSearch } from "../repl/explain.js";
import { EXIT } from "./exit-codes.js";
import { loadMacros } from "./load-files.js";
import { collect } from "./options.js";
import { processIo, type Io } from "./session.js";

export interface ExplainOptions {
  macros: string[];
}

/** Adds `explain` to the program (main.ts calls this). */
export function registerExplain(program: Command): void {
  program
    .command("explain <spl>")
    .description("show a search macro-expanded, parsed and planned (it is not run)")
    .option("-m, --macros <path...>", "macro definitions (ESCU macros/*.yml, macros.conf, or folders; later wins)", collect, [])
    .addHelpText("after", `
Examples:
  $ minispl explain '| tstats \`security_content_summariesonly\` count from datamodel=Endpoint.Processes by Processes.dest | \`drop_dm_object_name(Processes)\`'
  $ minispl explain "$(yq .search detection.yml)" --macros escu/macros/`)
    .action((spl: string, opts: ExplainOptions) => {
      process.exitCode = explainCommand(spl, opts, processIo);
    });
}

export function explainCommand(spl: string, opts: ExplainOptions, io: Io): number {
  const macros = loadMacros(opts.macros);
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  const e = explainSearch(spl, { macros: macros.table, color: io.color });
  io.out(e.text);
  if (e.diagnostics) io.err(e.diagnostics);
  return e.ok ? EXIT.ok : EXIT.spl;
}
