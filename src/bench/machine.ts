/** The machine a run was measured on; the load says how much of it the bench actually had. */
import { execFileSync } from "node:child_process";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { round } from "./stats.js";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memory_gb: number;
  readonly node: string;
  readonly os: string;
}

export function machineInfo(): Machine {
  return { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, memory_gb: round(totalmem() / 2 ** 30, 1), node: process.version, os: `${platform()} ${release()}` };
}

/** `uptime`'s line when the command exists, else the same load averages from os.loadavg(). */
export function uptimeLoad(): { readonly uptime: string; readonly load: readonly number[] } {
  let line = "";
  try {
    line = execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    line = "";
  }
  return { uptime: line, load: loadavg().map((x) => round(x, 2)) };
}
