/**
 * `minispl lsp --stdio`: the language server (src/lsp/) for `.spl` files and detection YAML
 * files. Registered from program.ts; the server and the library are loaded only when it runs.
 * `--macros`, `--data` or `--index` (and `--escu`, `minispl.yaml`, MINISPL_* through withConfig)
 * configure it; a client's initializationOptions add to them (src/lsp/lsp-options.ts).
 */
import type { Command } from "commander";
import { collect, parseTimeout } from "./options.js";
import { VERSION } from "./version.js";

export interface LspCommandOptions {
  readonly stdio?: boolean;
  readonly macros: string[];
  readonly data: string[];
  readonly index?: string;
  /** Seconds (parseTimeout); 0: no limit. */
  readonly timeout: number;
  readonly clientProcessId?: string;
}

export function registerLsp(program: Command): void {
  program
    .command("lsp")
    .description("language server (LSP) for .spl files and the search: of detection YAML files: diagnostics, completion, hover, go-to-definition of macros, a Run detection code lens")
    .option("--stdio", "talk LSP over stdin/stdout (the only transport, and the default)")
    .option("-m, --macros <path...>", "macro definitions: ESCU macros/*.yml or macros.conf files or folders (repeatable; later wins)", collect, [])
    .option("-d, --data <path...>", "event files or folders the Run detection command searches (loaded in the background from the start; a saved one reloads them)", collect, [])
    .option("-i, --index <dir>", "search an index folder built by `minispl index` instead of --data (opened where it is: nothing is loaded into memory)")
    .option("--timeout <seconds>", "wall-time budget of each Run detection; past it the run ends with error[budget] (0: no limit)", parseTimeout, 300)
    .option("--clientProcessId <pid>", "end when this process ends (editors pass it)")
    .addHelpText("after", `
Examples:
  $ minispl lsp --stdio --escu ~/security_content --data samples/data/
  $ minispl lsp --stdio --macros macros/ --index ~/case42/idx
See src/lsp/README.md for VS Code and Neovim set-ups.`)
    .action(async (opts: LspCommandOptions) => {
      const { serveStdio } = await import("../lsp/stdio.js");
      const pid = opts.clientProcessId !== undefined ? Number.parseInt(opts.clientProcessId, 10) : undefined;
      process.exitCode = await serveStdio({
        macros: opts.macros,
        data: opts.data,
        ...(opts.index !== undefined ? { index: opts.index } : {}),
        timeoutMs: opts.timeout * 1000,
        version: VERSION,
        ...(pid !== undefined && Number.isFinite(pid) ? { clientProcessId: pid } : {}),
      });
    });
}
