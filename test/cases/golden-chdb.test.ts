/**
 * Issue 13 acceptance: "the golden cases that touch search/where/stats/tstats/eval semantics run on
 * chDB too and agree". Each case of the groups below runs through runSearchOnBackend on embedded
 * chDB (the longest pushable prefix as SQL, the rest in memory on its rows) and must meet the very
 * expectations golden.test.ts checks in memory (golden-case.ts: rows, columns, error code,
 * warnings). The groups, and why:
 *   search, where, eval, eval-*    — field=value, wildcards, comparisons, expressions: the
 *                                    compiler pushes event searches and where/eval steps;
 *   stats, stats-*                 — every aggregate and BY rule the compiler pushes after a search;
 *   tstats, tstats-*, datamodel    — tstats from datamodel= is the other pushed start; datamodel
 *                                    checks the dataset views the dm_ tables are loaded from;
 *   rename, fillnull, convert      — the steps pushed between a search and its stats or after the
 *                                    aggregate (rename, fillnull value=, convert ctime);
 *   bin, bucket, timechart         — `by _time span=` bucketing, which the stats/tstats push.
 * A group outside this list runs nothing in SQL (a makeresults/generator start, lookups, joins…).
 *
 * How much actually ran in SQL is counted per group (a pushed prefix; pushed completely) and
 * written to test-output/golden-chdb.txt; a floor on the pushed cases of the core groups keeps
 * this file from passing by pushing nothing. Without chDB the tests are skipped with a message.
 *
 * The cases run grouped by the datasets they read, not group by group: chDB holds one store's
 * tables at a time, and a case over other files replaces them, so interleaving the stores loaded
 * the same tables again and again (40 store switches for 8 stores: 151 INSERTs, now 58).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runSearchOnBackend, type EventStore } from "../../src/index.js";
import { openChdb } from "../unit/sql/chdb-support.js";
import { caseFiles, caseGroups, caseOptions, caseStore, checkResult, readCase, type GoldenCase } from "./golden-case.js";

const GROUPS = caseGroups().filter((g) => /^(search|where|eval(-.*)?|stats(-.*)?|tstats(-.*)?|datamodel|rename|fillnull|convert|bin|bucket|timechart)$/.test(g));

/** The groups whose pushed cases must reach FLOOR together. */
const CORE = ["search", "stats", "tstats", "where", "eval"];
/** Pushed cases (a prefix ran in SQL) of the CORE groups, at least: what this suite reached. */
const FLOOR = 101;

const REPORT_DIR = fileURLToPath(new URL("../../test-output/", import.meta.url));

const { backend, why, close } = await openChdb();

interface Count {
  run: number;
  partly: number;
  completely: number;
  fellBack: number;
}
const counts = new Map<string, Count>(GROUPS.map((g) => [g, { run: 0, partly: 0, completely: 0, fellBack: 0 }]));
/** Per pushed case: plan nodes run in SQL / all nodes, and why the rest stayed local. */
const pushedCases: string[] = [];

/** Cases of the CORE groups with a prefix pushed to SQL. */
function corePushed(): number {
  return CORE.reduce((s, g) => s + (counts.get(g)?.partly ?? 0) + (counts.get(g)?.completely ?? 0), 0);
}

/**
 * One store per dataset list while no search writes to it (`| collect` does): chDB keeps the
 * tables loaded from a store while it is unchanged, so cases over the same files load them once.
 */
const stores = new Map<string, { store: EventStore; version: number }>();
function storeFor(c: GoldenCase): EventStore {
  const key = JSON.stringify(c.datasets ?? []);
  const have = stores.get(key);
  if (have && have.store.version === have.version) return have.store;
  const store = caseStore(c);
  stores.set(key, { store, version: store.version });
  return store;
}

afterAll(async () => {
  await close();
  if (!backend) return;
  const line = (name: string, n: Count) => `${name.padEnd(22)} ${String(n.run).padStart(5)} ${String(n.partly + n.completely).padStart(7)} ${String(n.completely).padStart(11)} ${String(n.fellBack).padStart(9)}`;
  const total = [...counts.values()].reduce((a, n) => ({ run: a.run + n.run, partly: a.partly + n.partly, completely: a.completely + n.completely, fellBack: a.fellBack + n.fellBack }));
  const core = corePushed();
  const text = [
    "golden cases on chDB: per group, cases run, cases with a prefix pushed to SQL, pushed completely, guard fell back to memory",
    `${"group".padEnd(22)} ${"run".padStart(5)} ${"pushed".padStart(7)} ${"completely".padStart(11)} ${"fellBack".padStart(9)}`,
    ...[...counts].map(([g, n]) => line(g, n)),
    line("total", total),
    `pushed in ${CORE.join("/")}: ${core} (floor ${FLOOR})`,
  ].join("\n");
  const detail = ["", "cases with a pushed prefix: group/file  plan nodes run in SQL / all plan nodes  [why the rest is local]", ...pushedCases.sort()].join("\n");
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(join(REPORT_DIR, "golden-chdb.txt"), `${text}\n${detail}\n`);
  console.log(`golden cases on chDB: ${total.run} run, ${total.partly + total.completely} pushed (${total.completely} completely); ${CORE.join("/")}: ${core} pushed (floor ${FLOOR})`);
});

/** The datasets a case reads, as storeFor keys them (read here only to order the cases). */
function datasetsKey(group: string, file: string): string {
  const c = JSON.parse(readFileSync(fileURLToPath(new URL(`${group}/${file}`, import.meta.url)), "utf8")) as GoldenCase;
  return JSON.stringify(c.datasets ?? []);
}

/** Every case of GROUPS, those over the same datasets together (a stable sort: group order within). */
const CASES = GROUPS.flatMap((group) => caseFiles(group).map((file) => ({ group, file, key: datasetsKey(group, file) })))
  .map((c, i) => ({ ...c, i }))
  .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
  .map((c) => [`${c.group}/${c.file}`, c] as const);

describe.skipIf(!backend)(`golden cases on chDB${why ? ` (skipped: ${why})` : ""}`, () => {
  it.each(CASES)("%s", async (_name, { group, file }) => {
    const c = readCase(group, file);
    if (!backend) return;
    const r = await runSearchOnBackend(c.query, storeFor(c), backend, caseOptions(c));
    const n = counts.get(group) as Count;
    n.run++;
    const pushed = r.pushdown.pushed;
    if (r.pushdown.fellBack) n.fellBack++;
    if (pushed) {
      if (pushed.nodes >= r.pushdown.nodes) n.completely++;
      else n.partly++;
      pushedCases.push(`${group}/${file}  ${pushed.nodes}/${r.pushdown.nodes}${r.pushdown.stop ? `  [${r.pushdown.stop.reason}]` : ""}`);
    }
    checkResult(c, r);
  });

  // Registered last: it runs after every case above.
  it("pushes enough of the core groups that the agreement means something", () => {
    expect(corePushed()).toBeGreaterThanOrEqual(FLOOR);
  });
});
