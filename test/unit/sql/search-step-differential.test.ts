// Issue 13: `| search <expr>` after a pushed tstats or `search | stats`, compiled to SQL over the
// aggregate's result columns (src/sql/compile-search-step.ts) and run on embedded chDB, gives
// exactly the in-memory rows; a run-time guard sends the search back to memory where a number's
// JavaScript text would decide; and what stays local says why. Values: nulls, multivalues
// (values() sets), numbers (NaN, inf, -0, non-integers) and numeric-looking text, case-folding
// traps (İ, the Kelvin sign, ſ, Σ), quotes, backslashes, LIKE metacharacters, newlines, astral
// characters and lone surrogates.
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { EventStore, runSearch } from "../../../src/index.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { isLocalFallback } from "../../../src/sql/guard.js";
import { presentFields } from "../../../src/storage/clickhouse/present-fields.js";
import { rowsToTable } from "../../../src/storage/clickhouse/rows-to-table.js";
import type { SqlBackend } from "../../../src/storage/clickhouse/backend.js";
import { openChdb } from "./chdb-support.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const NOW = 1_700_100_000;

const TEXT = [
  "foo", "Foo", "FOO", "\u0130x", "i\u0307x", "\u212aey", "key", "KEY", "K", "k", "\u212a", "Über", "über", "\u017f", "s", "\u03a3", "\u03c3",
  "f%o", "f_o", "fxo", "f\\o", "it's", 'q"uote', "", "😀x", "\uffff", "\ue000", "010", "10", "1e1", " 10", "+10", "5", ".5", "abc", "\ud800x",
  "\udc00", "NaN", "nan", "Infinity", "inf", "1e999", "-1e999", "-0", "0", "0x10", "a\tb", "a\nb", "0.1", "1e308", "x*y", "%", "_", "\\", "10.1.2.3",
];

function store(): EventStore {
  const s = new EventStore();
  TEXT.forEach((app, i) => {
    const fields: Record<string, string | string[]> = {
      tag: ["network", "communicate"],
      app,
      src: TEXT[(i * 3) % TEXT.length] as string,
      dest: i % 3 === 0 ? app : (TEXT[(i * 5) % TEXT.length] as string),
      duration: TEXT[(i * 7) % TEXT.length] as string,
      action: i % 3 === 0 ? "blocked" : "allowed",
      index: "main",
      sourcetype: i % 2 ? "fw" : "FW:x",
      user: TEXT[(i * 11) % TEXT.length] as string,
      n: String(i % 4 === 0 ? 1e308 : i % 4 === 1 ? -1e308 : i),
      // Lone surrogates stay out of _raw: there a search runs in memory (load-events.ts), and these test the pushed path.
      _raw: `event ${i} app=${app.replace(/[\ud800-\udfff]/g, "?")}`,
    };
    if (i % 5 === 0) fields.vlan = ["x", TEXT[(i * 3) % TEXT.length] as string];
    s.append({ time: 1_700_000_000 + i * 61, fields });
    // Groups of one, two and three events (counts 1, 2, 3).
    for (let k = 0; k < i % 3; k++) s.append({ time: 1_700_000_030 + i * 61 + k, fields: { ...fields, duration: TEXT[(i * 13 + k) % TEXT.length] as string } });
  });
  return s;
}

const T = "| tstats count min(_time) as firstTime values(All_Traffic.vlan) as vlans dc(All_Traffic.dest) as dests sum(All_Traffic.duration) as total from datamodel=Network_Traffic.All_Traffic by All_Traffic.app All_Traffic.src All_Traffic.dest | rename All_Traffic.* AS *";
const E = "index=* | stats count sum(n) as total values(user) as users by app action";
const R = "index=* | stats count values(_raw) as _raw by src";
const N = `${T} | eval y=1e308 * 10 - 1e308 * 10, z=1e308 * 10, w=-(1e308 * 10), h=len(app) / 2`;

const PUSHED: readonly string[] = [
  `${T} | search count > 1`,
  `${T} | search count >= 2`,
  `${T} | search count < 2 count <= 1`,
  `${T} | search count=1`,
  `${T} | search count="1" OR count=CASE(2)`,
  `${T} | search count=1* OR count=*2`,
  `${T} | search count!=1`,
  `${T} | search count=1.0 OR count=" 1" OR count=1e0 OR count=01`,
  `${T} | search count > abc OR count < "10"`,
  `${T} | search count < abc`,
  `${T} | search count=*`,
  `${T} | search NOT count=*`,
  `${T} | search total > 5`,
  `${T} | search total < 0.5 OR total >= 1e999`,
  `${T} | search total=10 OR total=0 OR total=-0 OR total=1e+308 OR total=1E+308`,
  `${T} | search total=* NOT total=0`,
  `${T} | search total<abc OR total>"x"`,
  `${T} | search app=foo`,
  `${T} | search app=FOO OR src=Key`,
  `${T} | search app=key`,
  `${T} | search app=k*`,
  `${T} | search app=*EY OR app=*e*`,
  `${T} | search app=f* app!=*o`,
  `${T} | search app="f%o" OR app="f_o" OR app=f%* OR app=*_`,
  `${T} | search app="f\\\\o" OR app="*\\\\*" OR app="it's" OR app="q\\"uote"`,
  `${T} | search app="a*b" OR app="*\tb" OR app="a\nb"`,
  `${T} | search app=CASE(Foo) OR app=CASE(F*) OR app=CASE(Über) OR app=CASE(😀*)`,
  `${T} | search app=s OR app=S OR app=S*`,
  `${T} | search app=10 OR app=+10 OR app=1*`,
  `${T} | search app!=foo`,
  `${T} | search NOT app=foo`,
  `${T} | search app IN (foo, 10, "it's", *x)`,
  `${T} | search NOT app IN (foo, key, "")`,
  `${T} | search app=""`,
  `${T} | search app=*`,
  `${T} | search app > 5`,
  `${T} | search app < f`,
  `${T} | search app >= "Ä" OR app <= "\ud7ff"`,
  `${T} | search app <= "\ue000"`,
  `${T} | search app > 1e999 OR app <= -0`,
  `${T} | search app < 5`,
  `${T} | search app <= -1e999`,
  `${T} | search app >= 1e999`,
  `${T} | search app < " " OR app < "+"`,
  `${T} | search nosuch=*`,
  `${T} | search NOT nosuch=x`,
  `${T} | search nosuch!=x OR nosuch>1`,
  `${T} | search vlans=x`,
  `${T} | search vlans!=x`,
  `${T} | search vlans=*1* OR vlans < 5`,
  `${T} | search NOT vlans=*`,
  `${T} | search foo`,
  `${T} | search NOT foo`,
  `${T} | search * count > 1`,
  `${T} | search TERM(foo) OR CASE(foo)`,
  `${T} | search count > 1 OR app=foo AND NOT src=abc`,
  `${T} | search (count > 1 OR app=f*) (dest=*o* OR NOT dests < 2)`,
  `${T} | search firstTime > 1700000100`,
  `${T} | search count > 1 | search app=*o* | where len(app) > 1`,
  `${T} | eval x=len(app) | search x > 2 x!=3`,
  `${T} | convert ctime(firstTime) | search count > 1 app=f*`,
  `${N} | search y=nan OR z=inf OR w=-inf`,
  `${N} | search y=NaN OR y=* OR z=Inf`,
  `${N} | search y > 5 OR z < 0 OR w > "a" OR y < "z"`,
  `${N} | search y > nan OR z >= "inf" OR w < "-inf" OR z > "Infinity"`,
  `${N} | search y < 5 OR z < "a" OR w >= "-inf0" OR y <= 1e999`,
  `${N} | search h=1.5 OR h=2 OR h=0.5`,
  `${N} | search h > 1 h < 3`,
  `${N} | search y=n* OR z=i* OR w=-*`,
  `${E} | search count > 1`,
  `${E} | search total > 0 OR total = -1e+308`,
  `${E} | search users=f* OR users=key`,
  `${E} | search NOT users=* OR action=BLOCKED`,
  `${R} | search 3`,
  `${R} | search "app=f" OR CASE(APP)`,
  `${R} | search NOT "*"`,
  `${R} | search "=F%" OR "=f_" OR "*\\\\*" OR CASE(=K) OR 10`,
];

/** Pushed with a guard that a value in this data meets: the search runs in memory. */
const GUARDED: readonly string[] = [
  `${T} | search total=1*`,
  `${N} | search h=*.5`,
];

const LOCAL: readonly [string, string][] = [
  [`${T} | search app=über`, "case folding of non-ASCII text"],
  [`${T} | search app=\u0130x`, "case folding of non-ASCII text"],
  [`${T} | search app=ü*`, "case folding of non-ASCII text"],
  [`${T} | search app=*\u212a*`, "case folding of non-ASCII text"],
  [`${T} | search app=10.0.0.0/8`, "CIDR value"],
  [`${T} | search app="\ud800"`, "lone surrogate"],
  [`${T} | search [| makeresults | eval app="foo" | fields app]`, "subsearch"],
  [`${T} | convert ctime(firstTime) | search firstTime=*`, "convert ctime"],
  [`${R} | search TERM(app)`, "TERM() free text"],
];

/** The pushed prefix's rows, or "fallback" when a guard sent the search to memory. */
async function pushedRows(q: string, s: EventStore, b: SqlBackend): Promise<{ stop: string | null; fields: readonly string[]; rows: unknown[] } | "fallback"> {
  const c = compile(q);
  if (!c.plan) throw new Error(`does not compile: ${c.diagnostics.map((d) => d.message).join("; ")}`);
  const report = compilePushdown(c.plan.logical, { now: NOW, tz: "UTC" });
  if (!report.pushed) throw new Error(`not pushed: ${report.stop?.reason}`);
  await b.prepare(s, report.pushed.tables);
  let rows: Record<string, unknown>[];
  try {
    rows = await b.query(report.pushed.sql);
  } catch (e) {
    if (isLocalFallback(e)) return "fallback";
    throw e;
  }
  const table = rowsToTable(rows, report.pushed.columns, await presentFields(b, report.pushed, rows));
  return { stop: report.stop?.reason ?? null, fields: table.fields, rows: table.rows() };
}

describe.skipIf(!backend)(`search after an aggregate on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const s = store();
  it.each(PUSHED)("%s", async (q) => {
    const memory = runSearch(q, s, { now: NOW });
    expect(memory.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const pushed = await pushedRows(q, s, backend!);
    expect(pushed).not.toBe("fallback");
    if (pushed === "fallback") return;
    expect(pushed.stop).toBeNull();
    expect(pushed.fields).toEqual(memory.table!.fields);
    expect(pushed.rows).toEqual(memory.table!.rows());
  });

  it.each(GUARDED)("%s (guarded: runs in memory)", async (q) => {
    expect(await pushedRows(q, s, backend!)).toBe("fallback");
  });

  it("a search the data gives no rows keeps the result's fields", async () => {
    const q = `${T} | search count > 1000`;
    const pushed = await pushedRows(q, s, backend!);
    expect(pushed).not.toBe("fallback");
    if (pushed === "fallback") return;
    expect(pushed.rows).toEqual([]);
    expect(pushed.fields).toEqual(runSearch(q, s, { now: NOW }).table!.fields);
  });
});

describe("search after an aggregate that stays local says why", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const c = compile(q);
    const report = compilePushdown(c.plan!.logical, { now: NOW, tz: "UTC" });
    expect(report.stop?.reason).toContain(reason);
    expect(report.stop?.reason).toMatch(/^\| search: /);
  });
});
