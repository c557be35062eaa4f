/**
 * `minispl lsp --stdio`: the language server (src/lsp/) for `.spl` files and detection YAML
 * files. Registered from program.ts; the server and the library are loaded only when it runs.
 * `--macros` and `--data` (and `--escu`, `minispl.yaml`, MINISPL_* through withConfig) configure
 * it; a client's initializationOptions add to them (src/lsp/lsp-options.ts).
 */
import type { Command } from "commander";
import { collect } from "./options.js";
import { VERSION } from "./version.js";

export interface LspCommandOptions {
  readonly stdio?: boolean;
  readonly macros: string[];
  readonly data: string[];
  readonly clientProcessId?: string;
}

export function registerLsp(program: Command): void {
  program
    .command("lsp")
    .description("language server (LSP) for .spl files and the search: of detection YAML files: diagnostics, completion, hover, go-to-definition of macros, a Run detection code lens")
    .option("--stdio", "talk LSP over stdin/stdout (the only transport, and the default)")
    .option("-m, --macros <path...>", "macro definitions: ESCU macros/*.yml or macros.conf files or folders (repeatable; later wins)", collect, [])
    .option("-d, --data <path...>", "event files or folders the Run detection command searches (read on first use)", collect, [])
    .option("--clientProcessId <pid>", "end when this process ends (editors pass it)")
    .addHelpText("after", `
Examples:
  $ minispl lsp --stdio --escu ~/security_content --data samples/data/
  $ minispl lsp --stdio --macros macros/ --data logs/
See src/lsp/README.md for VS Code and Neovim set-ups.`)
    .action(async (opts: LspCommandOptions) => {
      const { serveStdio } = await import("../lsp/stdio.js");
      const pid = opts.clientProcessId !== undefined ? Number.parseInt(opts.clientProcessId, 10) : undefined;
      process.exitCode = await serveStdio({ macros: opts.macros, data: opts.data, version: VERSION, ...(pid !== undefined && Number.isFinite(pid) ? { clientProcessId: pid } : {}) });
    });
}
