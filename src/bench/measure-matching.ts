/**
 * Issue 10's matching row: the CPU time to match one field of 100 KB and of 1 MB against every
 * wildcard value and every regex of the ESCU detections, and the ratio of the two (linear-time
 * matching: a 10× longer field may take at most 12× the time), plus how many ESCU regexes run on
 * the linear engine. The fields repeat "gem open " (the crafted command line that stalled
 * linux_gem_privilege_escalation.yml) and a real-looking command line. Runs in the bench process:
 * it is pure CPU work over strings, with no index or store. `node dist/bench/measure-matching.js
 * [shared-dir]` prints it alone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { listFiles } from "../engine/files.js";
import { loadMacroFiles } from "../engine/macro-files.js";
import { parseDetection, runnableSearch, withFilterMacro } from "../detections/detection.js";
import { valueMatcher } from "../executor/wildcard.js";
import { parseSearch } from "../frontend.js";
import { SafeRegex } from "../functions/safe-regex.js";
import { builtinMacros } from "../macros/builtins.js";
import { round } from "./stats.js";

const SMALL = 100 * 1024;
const LARGE = 1024 * 1024;
const FILLERS = ["gem open ", 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -nop -w hidden -c "IEX (New-Object Net.WebClient)" '];

interface EscuPatterns {
  readonly wildcards: string[];
  readonly regexes: string[];
}

/** Wildcard search values and literal regexes (rex, regex, match, replace, mvfind) of every ESCU detection. */
function escuPatterns(shared: string): EscuPatterns {
  const macros = builtinMacros().with(loadMacroFiles([join(shared, "escu/macros")]).macros);
  const wildcards = new Set<string>();
  const regexes = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    const o = node as Record<string, unknown>;
    const values = o.kind === "compare" || o.kind === "term" ? [o.value] : o.kind === "in" ? (o.values as unknown[]) : [];
    for (const v of values as { text?: string }[]) if (v.text?.includes("*") && /[^*]/.test(v.text)) wildcards.add(v.text);
    if (o.kind === "command" && (o.name === "rex" || o.name === "regex")) {
      for (const a of o.args as { kind: string; key?: string; value?: { kind: string; text?: string } }[]) {
        if (a.value?.kind === "string" && a.value.text !== undefined && (a.kind === "positional" || o.name === "regex")) regexes.add(a.value.text);
      }
    }
    if (o.kind === "call" && ["match", "replace", "mvfind"].includes(String(o.name))) {
      const arg = (o.args as { kind: string; value?: unknown }[])[1];
      if (arg?.kind === "literal" && typeof arg.value === "string") regexes.add(arg.value);
    }
    Object.values(o).forEach(walk);
  };
  for (const file of listFiles([join(shared, "escu/detections")], [".yml", ".yaml"])) {
    const det = parseDetection(readFileSync(file, "utf8"), file).detection;
    if (det) walk(parseSearch(runnableSearch(det.search), { macros: withFilterMacro(det, macros) }).pipeline);
  }
  return { wildcards: [...wildcards].sort(), regexes: [...regexes].sort() };
}

function cpuMs(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
}

function field(filler: string, bytes: number): string {
  return filler.repeat(Math.ceil(bytes / filler.length)).slice(0, bytes);
}

interface SizeTimes {
  readonly ms_100kb: number;
  readonly ms_1mb: number;
  readonly ratio: number;
}

/** CPU ms to run `match` on each filler at 100 KB and 1 MB, and the 1 MB / 100 KB ratio. */
function timeSizes(match: (s: string) => void): SizeTimes {
  let small = 0;
  let large = 0;
  for (const f of FILLERS) {
    const a = field(f, SMALL);
    const b = field(f, LARGE);
    match(a.slice(0, 1000)); // compile and warm up outside the timing
    small += cpuMs(() => match(a));
    large += cpuMs(() => match(b));
  }
  return { ms_100kb: round(small, 1), ms_1mb: round(large, 1), ratio: round(large / Math.max(small, 0.001), 2) };
}

export function measureMatching(shared: string): Record<string, unknown> {
  const { wildcards, regexes } = escuPatterns(shared);
  const matchers = wildcards.map((p) => valueMatcher(p));
  const compiled: SafeRegex[] = [];
  let invalid = 0;
  for (const r of regexes) {
    try {
      compiled.push(SafeRegex.compile(r));
    } catch {
      invalid += 1;
    }
  }
  const linear = compiled.filter((r) => r.path === "linear");
  const wild = timeSizes((s) => matchers.forEach((m) => m(s)));
  const rx = timeSizes((s) => linear.forEach((r) => r.test(s)));
  return {
    wildcards: { patterns: wildcards.length, ...wild, target: "ratio ≤ 12 (10× the field)", met: wild.ratio <= 12 },
    regexes: { linear_test: { patterns: linear.length, ...rx, target: "ratio ≤ 12", met: rx.ratio <= 12 } },
    regex_paths: { distinct: regexes.length, linear: linear.length, backtracking: compiled.length - linear.length, invalid },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(measureMatching(process.argv[2] ?? "../shared"), null, 2)}\n`);
}
