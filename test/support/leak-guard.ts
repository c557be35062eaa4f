/**
 * Test files share one process and one module graph (`isolate: false` in test/vitest.config.ts, so
 * the library and its parser are loaded once per worker, not once per file). That is only sound
 * while no file leaves process-wide state behind for the next one. This guard takes a snapshot of
 * that state before a file's tests and fails the file if it differs after them; the file's own
 * afterAll hooks (temp dir cleanup…) have run by then, as vitest runs after-hooks in reverse.
 */
import { afterAll, expect } from "vitest";

const EVENTS = ["SIGINT", "SIGTERM", "exit", "beforeExit", "uncaughtException", "unhandledRejection", "warning"] as const;

function processState(): Record<string, unknown> {
  return {
    cwd: process.cwd(),
    exitCode: process.exitCode,
    env: Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    // runCli (cli.ts) redirects these for a run; it must have put them back.
    stdoutWrite: Object.prototype.hasOwnProperty.call(process.stdout, "write"),
    stderrWrite: Object.prototype.hasOwnProperty.call(process.stderr, "write"),
    listeners: EVENTS.map((e) => `${e}:${process.listenerCount(e)}`),
    globals: Object.getOwnPropertyNames(globalThis).sort(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

/** Call once per test file (from the setup file). */
export function guardProcessState(): void {
  const before = processState();
  afterAll(() => {
    expect(processState(), "this test file changed process-wide state that the next test file would see").toEqual(before);
  });
}
