/**
 * `minispl web`: the search page in a browser (src/web/). The options are the search command's
 * (data, index, macros, lookups, budgets) plus `--port`; the server listens on 127.0.0.1 only and
 * runs until Ctrl-C. This module is imported by program.ts when the program is built, so it
 * loads nothing of the library itself: the action imports src/web/ when it runs.
 */
import { InvalidArgumentError, type Command } from "commander";
import { collect } from "./options.js";
import type { WebOptions } from "../web/serve.js";

const DEFAULT_PORT = 5173;

/** `--port`: 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError("expected a port number, 0 to 65535 (0: any free port)");
  return Number(value);
}

/** Adds the web command's own options, help and action to `cmd` (made with the common options). */
export function defineWeb(cmd: Command): Command {
  return cmd
    .description("serve the search page (search bar with diagnostics and completion, events, statistics, charts, explain, detections) on http://127.0.0.1:<port>/")
    .option("--port <n>", "port on 127.0.0.1 (0: any free port)", parsePort, DEFAULT_PORT)
    .option("--detections <path...>", "detection YAML files or folders the detections tab offers (--escu gives <root>/detections)", collect, [])
    .option("--attack-data <dir>", "where the detections tab's \"Run tests\" finds the tests' attack_data files (as minispl test)")
    .option("--attack-data-map <url-prefix=dir>", "attack_data URLs starting with the prefix are files under the folder (repeatable; as minispl test)", collect, [])
    .addHelpText("after", `
Examples:
  $ minispl web --data samples/data/ --detections samples/detections/
  $ minispl web --index idx/ --escu ~/security_content --port 8080
  $ minispl web --data samples/data/ --escu ~/security_content --attack-data ~/attack_data`)
    .action(async (opts: WebOptions) => {
      const { webCommand } = await import("../web/serve.js");
      process.exitCode = await webCommand(opts);
    });
}
