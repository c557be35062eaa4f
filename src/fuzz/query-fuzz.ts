/**
 * Parser + executor fuzzing: generated queries (spl-arbitraries.ts) and mutated ESCU searches
 * (query-mutations.ts) through compile + runSearch over the fuzz store, plus the parse → print →
 * parse round trip. Findings: exception, internal, slow (the search, compile + run, over maxMs),
 * hang (> hardMs, worker killed), died (worker lost), round-trip, slow-round-trip (the check's own
 * parse → print → parse over 5 × maxMs: it parses twice more, so it is not the search's budget).
 */
import fc from "fast-check";
import { query } from "./spl-arbitraries.js";
import { mutateQuery, queryMutation } from "./query-mutations.js";
import { loadEscuSeeds } from "./escu-searches.js";
import { hunt, type Finding, type HuntResult } from "./hunt.js";
import { RunnerPool } from "./job-runner.js";
import type { FuzzOptions } from "./fuzz-options.js";
import { progress } from "./progress.js";

export async function queryFuzz(o: FuzzOptions): Promise<HuntResult<string> & { escuSearches: number }> {
  const escu = o.escuDir ? loadEscuSeeds(o.escuDir).searches : [];
  const mutated = escu.length === 0 ? [] : [
    fc.tuple(fc.nat({ max: escu.length - 1 }), fc.array(queryMutation, { minLength: 1, maxLength: 3 }))
      .map(([i, ms]) => mutateQuery(escu[i] ?? "", ms)),
  ];
  const arb = fc.oneof(query, ...mutated);
  const runner = new RunnerPool(o.escuDir, o.hardMs, o.jobs);
  try {
    const result = await hunt(arb, (text) => check(runner, text, o.maxMs), { ...o, onProgress: progress(o.runs) });
    return { ...result, escuSearches: escu.length };
  } finally {
    await runner.stop();
  }
}

async function check(runner: RunnerPool, text: string, maxMs: number): Promise<Finding[]> {
  const r = await runner.run({ kind: "query", text });
  const ms = `${Math.round(r.ms)} ms`;
  if ("hang" in r) return [{ kind: "hang", detail: `no answer after ${ms}` }];
  if ("died" in r) return [{ kind: "died", detail: r.died }];
  const found: Finding[] = [];
  if (r.threw) found.push({ kind: "exception", detail: r.threw });
  if (r.internal) found.push({ kind: "internal", detail: r.internal });
  if (r.roundTrip) found.push({ kind: "round-trip", detail: r.roundTrip });
  if (r.ms > maxMs) found.push({ kind: "slow", detail: ms, group: "slow" });
  if ((r.checkMs ?? 0) > 5 * maxMs) found.push({ kind: "slow-round-trip", detail: `${Math.round(r.checkMs ?? 0)} ms`, group: "slow-round-trip" });
  return found;
}
