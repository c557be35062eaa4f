#!/usr/bin/env node
/**
 * The `minispl` command line: subcommands search, detect, check, test, index, ingest, fields, repl,
 * explain and lint (program.ts; each loads the library only when it runs).
 * Exit codes: 0 ok, 1 a detection/test failed, 2 usage or SPL error, 3 input error.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CommanderError } from "commander";
import { EXIT } from "./exit-codes.js";
import { buildProgram } from "./program.js";

export { buildProgram };

/**
 * Runs one command line (the arguments after `minispl`) in this process and resolves to its exit
 * code. The binary runs through it, and so do the tests (test/support/cli.ts), which would
 * otherwise pay a node start, the library load and the parser build for every case. The commands
 * report their code in process.exitCode; it is read here and the caller's value put back.
 */
export async function runMain(args: readonly string[]): Promise<number> {
  const callers = process.exitCode;
  process.exitCode = undefined;
  try {
    // parseAsync: every action is async (it imports its command module; `test` runs worker threads).
    await buildProgram().parseAsync([...args], { from: "user" });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (e) {
    return exitCodeFor(e, args.includes("--debug"));
  } finally {
    process.exitCode = callers;
  }
}

/**
 * Help and --version exit 0, a usage error 2; a file that cannot be read is an input error (3), not
 * a crash. Anything else is a bug that escaped every per-search net: one `error[internal]` line
 * (the stack with --debug) and exit 2, never a bare JavaScript trace.
 */
function exitCodeFor(e: unknown, debug: boolean): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.spl;
  const err = e as NodeJS.ErrnoException;
  if (err.code === "ENOENT" || err.code === "EACCES" || err.code === "EISDIR" || err.code === "ELOOP") {
    process.stderr.write(`error: ${err.message}\n`);
    return EXIT.input;
  }
  const message = e instanceof Error ? `${e.name === "Error" ? "" : `${e.name}: `}${e.message}` : String(e);
  process.stderr.write(`error[internal]: ${message}\n`);
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  else process.stderr.write("  = hint: this is a bug in minispl: please report it (--debug prints the stack trace)\n");
  return EXIT.spl;
}

/**
 * True when node was started on this file (directly, or through a link to it), not when it is
 * imported: the bin (bin.ts) imports it and calls runMain itself. In dist/bundle/ this module is
 * the entry chunk main.js, so the same comparison holds there.
 */
function startedAsScript(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

// Never in a worker thread: a worker inherits the process's argv, and one that loaded this module
// (a bundle chunk importing main.js) would run the command line again. Imported only here:
// node:worker_threads costs a few ms of every start.
if (startedAsScript() && (await import("node:worker_threads")).isMainThread) process.exitCode = await runMain(process.argv.slice(2));
