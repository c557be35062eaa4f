/** Runs the built CLI (dist/cli/main.js, built by `pretest`) as a user would. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string> = {}, input?: string): CliResult {
  const r = spawnSync(process.execPath, ["dist/cli/main.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    ...(input !== undefined ? { input } : {}),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI with `lines` piped into stdin (one per line), as a script drives the REPL. */
export function runCliWithInput(args: readonly string[], lines: readonly string[], env: Record<string, string> = {}): CliResult {
  return runCli(args, env, `${lines.join("\n")}\n`);
}
