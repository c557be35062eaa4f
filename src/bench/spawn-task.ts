/**
 * Runs a bench task (task.ts) or any command in a child process and times the whole process,
 * start-up included: that is what a user waits for.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { TaskMap, TaskName } from "./task-map.js";

export interface Spawned {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
}

export function spawnTimed(cmd: string, args: readonly string[]): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), wallMs: performance.now() - t0 });
    });
  });
}

/** Runs task `name` from the built code under `dist` (the run's snapshot, code-snapshot.ts). */
export async function runTask<K extends TaskName>(dist: string, name: K, args: TaskMap[K][0]): Promise<{ result: TaskMap[K][1]; wallMs: number }> {
  const r = await spawnTimed(process.execPath, ["--expose-gc", join(dist, "bench", "task.js"), name, JSON.stringify(args)]);
  const last = r.stdout.trim().split("\n").at(-1) ?? "";
  if (r.code !== 0 || !last.startsWith("{")) throw new Error(`bench task ${name} exited ${r.code}: ${r.stderr.trim().split("\n").slice(-5).join(" / ")}`);
  return { result: JSON.parse(last) as TaskMap[K][1], wallMs: r.wallMs };
}
