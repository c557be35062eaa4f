/**
 * `minispl explain <spl | detection.yml>`: the REPL's `.explain` for scripts. Prints the
 * macro-expanded text, the parsed pipeline and the plan on stdout, diagnostics on stderr; exit 2
 * when a stage fails. A detection file is explained as `detect` runs it: its search, prefixed as
 * contentctl does, with its `_filter` macro defined (`search *`) unless the macros define it.
 * Search text that calls a `…_filter` macro no file defines gets the same default, so
 * `explain "$(yq .search det.yml)"` works as `detect` would. With `--backend chdb` (or
 * `clickhouse://…`) a last section says which plan steps would run in ClickHouse, with their SQL,
 * and which here, with the reason the first local one is local (sql/compile-plan.ts; nothing is
 * connected to: the SQL is the same for both).
 */
import { existsSync, statSync } from "node:fs";
import { compile, compilePushdown, runnableSearch, withFilterMacro, type MacroTable, type PlanNode, type PushdownReport } from "../index.js";
import { explainSearch } from "../repl/explain.js";
import { EXIT } from "./exit-codes.js";
import { loadMacros, readDetectionFile } from "./load-files.js";
import type { Io } from "./session.js";

export interface ExplainOptions {
  macros: string[];
  followSymlinks?: boolean;
  /** `--backend`: memory (no backend section), chdb or clickhouse://… */
  backend?: string;
  tz?: string;
  now?: number;
}

export function explainCommand(spl: string, opts: ExplainOptions, io: Io): number {
  const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  let text = spl;
  let table = macros.table;
  if (isDetectionFile(spl)) {
    const det = readDetectionFile(spl, io);
    if (!det) return EXIT.input;
    text = runnableSearch(det.search);
    table = withFilterMacro(det, table);
  } else table = withDefaultFilters(text, table);
  const e = explainSearch(text, { macros: table, color: io.color });
  io.out(e.text);
  if (e.diagnostics) io.err(e.diagnostics);
  const backend = opts.backend ?? "memory";
  if (e.ok && backend !== "memory") io.out(`${explainBackend(text, table, backend, opts).join("\n")}\n`);
  return e.ok ? EXIT.ok : EXIT.spl;
}

/** The `backend …:` section: the pushed steps and their SQL, then the steps that run here and why. */
function explainBackend(text: string, macros: MacroTable, backend: string, opts: ExplainOptions): string[] {
  const plan = compile(text, { name: "query", macros }).plan;
  if (!plan) return [];
  const nodes = plan.logical.nodes;
  const out = ["", `backend ${backend}:`];
  let report: PushdownReport;
  try {
    report = compilePushdown(plan.logical, { now: opts.now ?? Date.now() / 1000, tz: opts.tz ?? "UTC" });
  } catch (e) {
    return [...out, `  every step runs here: the SQL compiler failed: ${(e as Error).message}`];
  }
  const pushed = report.pushed;
  const steps = (from: number, to: number) => (from === to ? `step ${from}` : `steps ${from}-${to}`);
  if (pushed && pushed.nodes > 0) {
    out.push(`  in ClickHouse: ${steps(1, pushed.nodes)} of ${nodes.length} (${pushed.commands} command${pushed.commands === 1 ? "" : "s"}), one query:`);
    out.push(...pushed.sql.split("\n").map((l) => `    ${l}`));
    for (const t of pushed.tables) out.push(`  reads ${t.table}: ${t.kind === "dataset" ? t.dataset : "the events"} (${t.fields.join(", ") || "membership only"})`);
  } else out.push("  in ClickHouse: nothing");
  const first = pushed?.nodes ?? 0;
  if (first >= nodes.length) out.push("  here: nothing (the rows come back as the search's results)");
  else {
    out.push(`  here, on ${first > 0 ? "the rows ClickHouse returns" : "the events in memory"}: ${steps(first + 1, nodes.length)}`);
    const stop = report.stop;
    if (stop) out.push(`  step ${stop.node + 1} (${what(nodes[stop.node])}) runs here: ${stop.reason}`);
  }
  return out;
}

function what(n: PlanNode | undefined): string {
  if (!n) return "?";
  if (n.op !== "scan") return n.command.kind;
  return n.from === "events" ? "event scan" : `datamodel scan ${n.nodename ?? n.datamodel}`;
}

/** A path to an existing .yml/.yaml file (search text never is one: it has spaces or a pipe first). */
function isDetectionFile(arg: string): boolean {
  return !arg.includes("\n") && /\.ya?ml$/i.test(arg) && existsSync(arg) && statSync(arg).isFile();
}

/** `search *` for each argument-less `…_filter` macro the text calls that the table lacks (contentctl's default). */
function withDefaultFilters(text: string, table: MacroTable): MacroTable {
  const names = new Set(Array.from(text.matchAll(/`([A-Za-z0-9_]+_filter)`/g), (m) => m[1] as string));
  const missing = [...names].filter((n) => !table.has(n, 0));
  if (missing.length === 0) return table;
  return table.with(missing.map((name) => ({ name, args: [], definition: "search *", origin: "generated (contentctl default)" })));
}
