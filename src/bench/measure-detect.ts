/**
 * `minispl detect <seed> --index <dir>`, whole process, cold (a fresh process each run; the OS
 * page cache stays warm, which a non-root bench cannot change). The real CLI when its detect
 * takes --index; until then detect-task.ts, which does what detect does, and the JSON says so.
 *
 * With the CLI, the figure is split: `node_s` is node itself (`node -e 0`), `startup_s` a CLI
 * run that loads the library, builds the parser and runs `| makeresults` (no index, no data), and
 * `search_s` the rest (open the index, parse and run the seed). CPU seconds (user+sys, from GNU
 * time) are given beside wall seconds: on the shared team machine wall time mostly measures the
 * other jobs. The CLI is the bundle (dist/bundle/main.js, what the `minispl` bin runs) when the
 * build made one, else tsc's dist/cli/main.js; `startup_bundle_vs_tsc` times both
 * (measure-startup.ts).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { measureStartup } from "./measure-startup.js";
import { runTask, spawnTimed } from "./spawn-task.js";
import { MB, median, round, SLOW_MS } from "./stats.js";

const TIME = "/usr/bin/time";

interface Timed {
  readonly wallMs: number;
  /** user+sys, null without GNU time. */
  readonly cpuMs: number | null;
  readonly rssBytes: number | null;
  readonly stdout: string;
}

/** Runs node with `args`, under GNU time when it is there (its %M, max RSS in KB, is the only way to read a child's peak from Node). */
async function timedNode(args: readonly string[]): Promise<Timed> {
  const timed = existsSync(TIME);
  const r = timed ? await spawnTimed(TIME, ["-f", "%U %S %M", process.execPath, ...args]) : await spawnTimed(process.execPath, args);
  if (r.code !== 0) throw new Error(`node ${args.slice(0, 3).join(" ")} exited ${r.code}: ${r.stderr.trim().slice(-300)}`);
  if (!timed) return { wallMs: r.wallMs, cpuMs: null, rssBytes: null, stdout: r.stdout };
  const [user, sys, kb] = (r.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { wallMs: r.wallMs, cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000, rssBytes: (kb ?? 0) * 1024, stdout: r.stdout };
}

const seconds = (ms: readonly number[]): number => round(median(ms) / 1000, 3);

export async function measureDetect(dist: string, dir: string, detection: string, runs: number): Promise<Record<string, unknown>> {
  const bundle = join(dist, "bundle", "main.js");
  const cliJs = existsSync(bundle) ? bundle : join(dist, "cli", "main.js");
  const help = await spawnTimed(process.execPath, [cliJs, "detect", "--help"]);
  const cli = /--index\b/.test(help.stdout);
  if (!cli) return measureWithTask(dist, dir, detection, runs);
  const wall: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  let rows: number | null = null;
  for (let i = 0; i < runs && !(wall.length > 0 && (wall.at(-1) as number) > SLOW_MS); i++) {
    const r = await timedNode([cliJs, "detect", detection, "--index", dir, "--format", "json", "--quiet"]);
    wall.push(r.wallMs);
    if (r.cpuMs !== null) cpu.push(r.cpuMs);
    if (r.rssBytes !== null) rss.push(r.rssBytes);
    rows = (JSON.parse(r.stdout) as unknown[]).length;
  }
  // The split costs ~0.1–0.3 s per run: node alone, then the CLI with everything but the index.
  const nodeWall: number[] = [];
  const nodeCpu: number[] = [];
  const startWall: number[] = [];
  const startCpu: number[] = [];
  for (let i = 0; i < Math.max(runs, 3); i++) {
    const n = await timedNode(["-e", "0"]);
    nodeWall.push(n.wallMs);
    if (n.cpuMs !== null) nodeCpu.push(n.cpuMs);
    const s = await timedNode([cliJs, "search", "| makeresults", "--format", "json", "--quiet"]);
    startWall.push(s.wallMs);
    if (s.cpuMs !== null) startCpu.push(s.cpuMs);
  }
  const cpus = cpu.length > 0 && startCpu.length > 0;
  return {
    method: `node ${cliJs === bundle ? "dist/bundle/main.js" : "dist/cli/main.js"} detect <seed> --index <dir> --format json --quiet`,
    median_s: seconds(wall),
    runs_s: wall.map((w) => round(w / 1000, 3)),
    cpu_s: cpus ? seconds(cpu) : null,
    rows,
    peak_rss_mb: rss.length ? round(Math.max(...rss) / MB) : null,
    breakdown: {
      method: "node_s: `node -e 0`; startup_s: `minispl search '| makeresults'` (node, library load, parser build); search_s: median_s - startup_s",
      node_s: seconds(nodeWall),
      startup_s: seconds(startWall),
      search_s: round(median(wall) / 1000 - median(startWall) / 1000, 3),
      ...(cpus ? { node_cpu_s: seconds(nodeCpu), startup_cpu_s: seconds(startCpu), search_cpu_s: round(median(cpu) / 1000 - median(startCpu) / 1000, 3) } : {}),
    },
    startup_bundle_vs_tsc: await measureStartup(dist, runs),
  };
}

async function measureWithTask(dist: string, dir: string, detection: string, runs: number): Promise<Record<string, unknown>> {
  const wall: number[] = [];
  const rss: number[] = [];
  let rows: number | null = null;
  for (let i = 0; i < runs && !(wall.length > 0 && (wall.at(-1) as number) > SLOW_MS); i++) {
    const r = await runTask(dist, "detect", { dir, detection });
    wall.push(r.wallMs);
    rss.push(r.result.peakRssBytes);
    rows = r.result.rows;
  }
  return {
    method: "the CLI's detect has no --index yet: a fresh node process that parses the seed YAML, openIndex(dir) and runSearch of its search (what detect does)",
    median_s: seconds(wall),
    runs_s: wall.map((w) => round(w / 1000, 3)),
    rows,
    peak_rss_mb: rss.length ? round(Math.max(...rss) / MB) : null,
  };
}
