/**
 * The CLI's stdout on a pipe: a reader that goes away early (`| head -1`) ends the CLI quietly
 * with exit 0, and a slow reader gets all of a large result (the CLI waits instead of queueing it).
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/cli.js";

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node args`; reads stdout until `stopAfter` lines then closes it (as `head` does), or
 * reads it all after `delayMs` without reading.
 */
function run(args: readonly string[], opts: { stopAfter?: number; delayMs?: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    const out = child.stdout.setEncoding("utf8");
    if (opts.delayMs !== undefined) {
      out.pause();
      setTimeout(() => out.resume(), opts.delayMs);
    }
    out.on("data", (s: string) => {
      stdout += s;
      if (opts.stopAfter !== undefined && stdout.split("\n").length > opts.stopAfter) out.destroy();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe("minispl output on a pipe", () => {
  for (const format of ["table", "ndjson"]) {
    it(`exits 0 without a stack trace when the reader closes after the first line (${format})`, async () => {
      const r = await run(["dist/cli/main.js", "search", "| makeresults count=200000 | eval n=1", "--format", format], { stopAfter: 1 });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
    });
  }

  it("gives a slow reader the whole result", async () => {
    const r = await run(["dist/cli/main.js", "search", "| makeresults count=50000 | eval n=1 | table n", "--format", "csv"], { delayMs: 500 });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`n\n${"1\n".repeat(50_000)}`);
  });

  it("writes all of it when stdout is non-blocking and the pipe is full (EAGAIN)", async () => {
    // Touching process.stdout makes Node switch a piped fd 1 to non-blocking.
    const script = `
      import { fdWriter } from "./dist/output/fd-writer.js";
      if (process.stdout.isTTY) process.exit(9);
      const out = fdWriter(1, () => process.exit(8));
      for (let i = 0; i < 2000; i++) out(String(i % 10).repeat(2047) + "\\n");
    `;
    const r = await run(["--input-type=module", "-e", script], { delayMs: 500 });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(Array.from({ length: 2000 }, (_, i) => `${String(i % 10).repeat(2047)}\n`).join(""));
  });
});
