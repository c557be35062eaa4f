/**
 * Two ways to run the `minispl` command line in a test:
 *  - runCli: in this process, through src/cli/main.ts runMain, with stdout, stderr and the exit code
 *    captured. Most cases use it: a spawned CLI pays a node start, the library load and the parser
 *    build (about 1.5 s of CPU) for every case.
 *  - spawnCli: the `minispl` bin (dist/cli/bin.js, which runs the bundle `pretest` builds) in a
 *    child process, as a user runs it. Kept for what only a real process shows: exit codes, stdin,
 *    --help, worker threads. The bin, not tsc's dist/cli/main.js: it is what users run, and it
 *    starts in about half the CPU (0.47 s against 0.92 s for `search '| makeresults'`).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runMain } from "../../src/cli/main.js";
import { processIo } from "../../src/cli/session.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `minispl <args>` in-process from the repository root (as spawnCli does). The commands print
 * through processIo (search, detect…) or process.stdout/stderr (commander's help and usage errors);
 * both are redirected for the run and put back afterwards, whatever happens.
 */
export async function runCli(args: readonly string[]): Promise<CliResult> {
  assertLikeAPipe();
  if (process.cwd() !== ROOT.replace(/\/$/, "")) throw new Error(`runCli: run the tests from ${ROOT} (cwd is ${process.cwd()}); the cases use relative paths`);
  const out: string[] = [];
  const err: string[] = [];
  const restore = [redirectIo(out, err), redirectStream(process.stdout, out), redirectStream(process.stderr, err)];
  let code: number;
  try {
    code = await runMain(args);
  } finally {
    for (const r of restore) r();
  }
  return { code, stdout: out.join(""), stderr: err.join("") };
}

/** Runs the built binary in a child process; `input` is piped into its stdin. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}, input?: string): CliResult {
  const r = spawnSync(process.execPath, ["dist/cli/bin.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    ...(input !== undefined ? { input } : {}),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Spawns the binary with `lines` piped into stdin (one per line), as a script drives the REPL. */
export function runCliWithInput(args: readonly string[], lines: readonly string[], env: Record<string, string> = {}): CliResult {
  return spawnCli(args, env, `${lines.join("\n")}\n`);
}

/**
 * A spawned CLI writes into pipes: no colour, no progress line, cells never cut to a terminal's
 * width. processIo decides that once, at import, from this process's stdout/stderr; vitest's
 * workers get pipes too, so the in-process output matches. Anything else would change what the
 * cases assert, so it fails here rather than in some assertion far away.
 */
function assertLikeAPipe(): void {
  if (processIo.color || processIo.width !== Number.POSITIVE_INFINITY) {
    throw new Error("runCli: stdout/stderr of the test process are terminals, so in-process CLI output would differ from a piped CLI's");
  }
}

function redirectIo(out: string[], err: string[]): () => void {
  const saved = { out: processIo.out, err: processIo.err };
  processIo.out = (s) => void out.push(s);
  processIo.err = (s) => void err.push(s);
  return () => {
    processIo.out = saved.out;
    processIo.err = saved.err;
  };
}

type WriteCallback = (error?: Error | null) => void;

function redirectStream(stream: NodeJS.WriteStream, sink: string[]): () => void {
  // write normally comes from the prototype; putting it back as an own property would leave a trace.
  const own = Object.prototype.hasOwnProperty.call(stream, "write");
  const saved = stream.write;
  const write = (chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean => {
    sink.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  };
  stream.write = write as NodeJS.WriteStream["write"];
  return () => {
    if (own) stream.write = saved;
    else Reflect.deleteProperty(stream, "write");
  };
}
