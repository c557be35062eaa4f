// Issue 13: `| dedup …` after a pushed tstats or `search | stats`, in SQL over the aggregate's
// result (src/sql/compile-dedup-step.ts), keeps exactly the in-memory rows on embedded chDB: the
// first N of each combination in the result's order (BY values by compareAtoms: "010" and "10"
// tie, numbers before text, text by UTF-16 code units), rows with a null field dropped unless
// keepempty, numbers keyed by their JavaScript text; a lone surrogate or `1e999` among the BY
// values raises the run-time guard (the search runs in memory); what stays local says why.
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { EventStore, runSearch } from "../../../src/index.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { isLocalFallback } from "../../../src/sql/guard.js";
import { expectPushedSame, openChdb, runPushed } from "./chdb-support.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const CLEAN = [
  "foo", "Foo", "FOO", "\u0130x", "\u212aey", "key", "Über", "über", "f%o", "f_o", "f\\o", "it's", 'q"uote', "", "😀x", "\uffff", "\ue000",
  "010", "10", "1e1", " 10", "+10", "5", ".5", "abc", "NaN", "Infinity", "-0", "0", "0x10", "a\tb", "a\nb", "0.1", "x*y", "%", "_", "\\",
];

function store(text: readonly string[]): EventStore {
  const s = new EventStore();
  text.forEach((app, i) => {
    const fields: Record<string, string | string[]> = {
      tag: ["network", "communicate"],
      app,
      src: text[(i * 3) % 7] as string,
      dest: text[(i * 5) % 4] as string,
      duration: text[(i * 7) % text.length] as string,
      index: "main",
      user: text[(i * 11) % text.length] as string,
    };
    if (i % 3 === 0) fields.vlan = ["x", text[(i * 3) % text.length] as string];
    s.append({ time: 1_700_000_000 + i * 61, fields });
    for (let k = 0; k < i % 3; k++) s.append({ time: 1_700_000_030 + i * 61 + k, fields });
  });
  return s;
}

const T = "| tstats count min(_time) as firstTime values(All_Traffic.vlan) as vlans sum(All_Traffic.duration) as total from datamodel=Network_Traffic.All_Traffic by All_Traffic.app All_Traffic.src All_Traffic.dest | rename All_Traffic.* AS *";
const S = "| tstats count from datamodel=Network_Traffic.All_Traffic by _time span=1h All_Traffic.dest | rename All_Traffic.* AS *";
const E = "index=* | stats count by dest src user";

const PUSHED: readonly string[] = [
  `${T} | dedup dest`,
  `${T} | dedup src dest`,
  `${T} | dedup 2 dest`,
  `${T} | dedup count`,
  `${T} | dedup count dest`,
  `${T} | dedup nosuch`,
  `${T} | dedup nosuch keepempty=true`,
  `${T} | dedup dest nosuch keepempty=true`,
  `${T} | eval p=if(count > 1, split(app, "o"), null()) | dedup p`,
  `${T} | eval p=if(count > 1, split(app, "o"), null()) | dedup p keepempty=true`,
  `${T} | eval c=if(count > 2, null(), count) | dedup 2 c dest keepempty=true`,
  `${T} | table count dest | dedup dest`,
  `${T} | search count > 1 | dedup src | table src app`,
  `${T} | convert ctime(firstTime) | dedup dest`,
  `${T} | rename dest AS d | dedup d | eval dest=1 | dedup 3 dest`,
  `${S} | dedup count`,
  `${S} | dedup dest`,
  `${E} | dedup src`,
  `${E} | dedup 3 dest`,
];

/** Pushed with a guard that a value in this data meets (a number's JavaScript text): the search runs in memory. */
const GUARDED: readonly string[] = [`${T} | dedup total`];

/**
 * Values whose order ClickHouse might read otherwise (`1e999` is JavaScript's Infinity, which
 * toFloat64OrNull may give as NULL: the guard) and lone surrogates (stored as U+FFFD on both
 * sides): the rows are the in-memory ones, pushed or sent back by the guard.
 */
const EDGE = ["1e999", "\ud800x", "-1e999", "1e400", "\udc00", "-1e-999", ...CLEAN];
const EDGE_QUERIES: readonly string[] = [`${T} | dedup dest`, `${T} | dedup 2 src`, `${E} | dedup src`];

const LOCAL: readonly [string, string][] = [
  [`${T} | dedup vlans`, "values() list"],
  [`${T} | dedup dest consecutive=true`, "consecutive=true"],
  [`${T} | dedup dest keepevents=true`, "keepevents=true"],
  [`${T} | dedup dest sortby -count`, "sortby"],
  [`${T} | convert ctime(firstTime) | dedup firstTime`, "convert ctime"],
];

describe.skipIf(!backend)(`dedup after an aggregate on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const s = store(CLEAN);
  it.each(PUSHED)("%s", async (q) => {
    await expectPushedSame(q, s, backend!, 1_700_100_000);
  });

  it.each(GUARDED)("%s (guarded: runs in memory)", async (q) => {
    const e = await runPushed(q, s, backend!).then(() => null, (x: unknown) => x);
    expect(isLocalFallback(e)).toBe(true);
  });

  const edge = store(EDGE);
  it.each(EDGE_QUERIES)("%s (1e999, lone surrogates)", async (q) => {
    const memory = runSearch(q, edge);
    const pushed = await runPushed(q, edge, backend!).catch((x: unknown) => {
      if (isLocalFallback(x)) return null;
      throw x;
    });
    if (pushed === null) return;
    expect(pushed.fields).toEqual(memory.table!.fields);
    expect(pushed.rows).toEqual(memory.table!.rows());
  });
});

describe("dedup after an aggregate that stays local says why", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const report = compilePushdown(compile(q).plan!.logical, { now: 1_700_100_000, tz: "UTC" });
    expect(report.stop?.reason).toContain(reason);
    expect(report.stop?.reason).toMatch(/^\| dedup: /);
  });
});
