/**
 * `minispl lint <detection.yml|dir>...`: contentctl-style static checks (src/lint/lint.ts).
 * Exit 1 when any detection has a finding, 0 otherwise.
 */
import { readFileSync } from "node:fs";
import { lintDetection, parseDetection, type LintFinding } from "../index.js";
import { EXIT } from "./exit-codes.js";
import { listFiles, listingWarning, loadMacros } from "./load-files.js";
import type { CommonOptions } from "./options.js";
import type { Io } from "./session.js";

export function lintCommand(paths: readonly string[], opts: CommonOptions, io: Io): number {
  const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  const results: { file: string; name: string | null; findings: LintFinding[] }[] = [];
  for (const file of listFiles(paths, [".yml", ".yaml"], listingWarning(io), { followSymlinks: opts.followSymlinks === true })) {
    const parsed = parseDetection(readFileSync(file, "utf8"), file);
    if (!parsed.detection) {
      results.push({ file, name: null, findings: [{ rule: "search-error", message: parsed.diagnostics[0]?.message ?? "unreadable" }] });
      continue;
    }
    results.push({ file, name: parsed.detection.name, findings: lintDetection(parsed.detection, macros.table) });
  }
  const withFindings = results.filter((r) => r.findings.length > 0);
  if (opts.format === "json") io.out(`${JSON.stringify({ results: withFindings, summary: summary(results) }, null, 2)}\n`);
  else {
    for (const r of withFindings) {
      io.out(`${r.file}${r.name ? ` (${r.name})` : ""}\n`);
      for (const f of r.findings) io.out(`  ${f.rule}: ${f.message}\n`);
    }
    const s = summary(results);
    io.out(`${s.detections} detection(s), ${s.withFindings} with findings; ${Object.entries(s.byRule).map(([k, n]) => `${k} ${n}`).join(", ") || "no findings"}\n`);
  }
  return withFindings.length ? EXIT.failed : EXIT.ok;
}

function summary(results: readonly { findings: LintFinding[] }[]): { detections: number; withFindings: number; byRule: Record<string, number> } {
  const byRule: Record<string, number> = {};
  for (const r of results) for (const f of r.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return { detections: results.length, withFindings: results.filter((r) => r.findings.length).length, byRule };
}
