/**
 * CLI start-up, bundle against tsc's output (issue 11 item 10): `--version`, `--help` and
 * `search '| makeresults'` as whole cold processes, dist/bundle/main.js (what the `minispl` bin
 * runs) and dist/cli/main.js (~500 modules) interleaved in one loop, so both see the same load.
 * The ratio is the figure; the seconds say how busy the machine was. Wall seconds: start-up is
 * mostly one core's work (module loading and compiling), and the bin's user waits for the wall.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { spawnTimed } from "./spawn-task.js";
import { median, round } from "./stats.js";

const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  version: ["--version"],
  help: ["--help"],
  makeresults: ["search", "| makeresults", "--format", "json", "--quiet"],
};

export async function measureStartup(dist: string, runs: number): Promise<Record<string, unknown>> {
  const bins = { tsc: join(dist, "cli", "main.js"), bundle: join(dist, "bundle", "main.js") };
  if (!existsSync(bins.bundle)) return { skipped: "no dist/bundle (scripts/bundle.mjs did not run)" };
  const ms: Record<string, { tsc: number[]; bundle: number[] }> = {};
  for (let i = 0; i < Math.max(runs, 5); i++) {
    for (const [name, args] of Object.entries(COMMANDS)) {
      const m = (ms[name] ??= { tsc: [], bundle: [] });
      for (const kind of ["tsc", "bundle"] as const) {
        const r = await spawnTimed(process.execPath, [bins[kind], ...args]);
        if (r.code !== 0) throw new Error(`${bins[kind]} ${args.join(" ")} exited ${r.code}: ${r.stderr.trim().slice(-300)}`);
        m[kind].push(r.wallMs);
      }
    }
  }
  const out: Record<string, unknown> = {
    method: "wall s, median of interleaved runs: node dist/bundle/main.js vs node dist/cli/main.js; bundle_vs_tsc = bundle / tsc",
  };
  for (const [name, m] of Object.entries(ms)) {
    const tsc = median(m.tsc) / 1000;
    const bundle = median(m.bundle) / 1000;
    out[name] = { tsc_s: round(tsc, 3), bundle_s: round(bundle, 3), bundle_vs_tsc: round(bundle / tsc, 2) };
  }
  return out;
}
