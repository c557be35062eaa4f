/**
 * `minispl detect <seed> --index <dir>`, whole process, cold (a fresh process each run; the OS
 * page cache stays warm, which a non-root bench cannot change). The real CLI when its detect
 * takes --index; until then detect-task.ts, which does what detect does, and the JSON says so.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runTask, spawnTimed } from "./spawn-task.js";
import { MB, median, round, SLOW_MS } from "./stats.js";

const TIME = "/usr/bin/time";

export async function measureDetect(dist: string, dir: string, detection: string, runs: number): Promise<Record<string, unknown>> {
  const cliJs = join(dist, "cli", "main.js");
  const help = await spawnTimed(process.execPath, [cliJs, "detect", "--help"]);
  const cli = /--index\b/.test(help.stdout);
  const wall: number[] = [];
  const rss: number[] = [];
  let rows: number | null = null;
  for (let i = 0; i < runs && !(wall.length > 0 && (wall.at(-1) as number) > SLOW_MS); i++) {
    if (cli) {
      // GNU time's %M (max RSS in KB) is the only way to read a child's peak from Node.
      const timed = existsSync(TIME);
      const args = [cliJs, "detect", detection, "--index", dir, "--format", "json", "--quiet"];
      const r = timed ? await spawnTimed(TIME, ["-f", "%M", process.execPath, ...args]) : await spawnTimed(process.execPath, args);
      if (r.code !== 0) throw new Error(`minispl detect --index exited ${r.code}: ${r.stderr.trim().slice(-300)}`);
      wall.push(r.wallMs);
      if (timed) rss.push(Number(r.stderr.trim().split("\n").at(-1)) * 1024);
      rows = (JSON.parse(r.stdout) as unknown[]).length;
    } else {
      const r = await runTask(dist, "detect", { dir, detection });
      wall.push(r.wallMs);
      rss.push(r.result.peakRssBytes);
      rows = r.result.rows;
    }
  }
  return {
    method: cli
      ? "node dist/cli/main.js detect <seed> --index <dir> --format json --quiet"
      : "the CLI's detect has no --index yet: a fresh node process that parses the seed YAML, openIndex(dir) and runSearch of its search (what detect does)",
    median_s: round(median(wall) / 1000, 3),
    runs_s: wall.map((w) => round(w / 1000, 3)),
    rows,
    peak_rss_mb: rss.length ? round(Math.max(...rss) / MB) : null,
  };
}
