// Issue 13: `| eventstats` after a pushed aggregate, compiled to SQL (src/sql/compile-eventstats-step.ts)
// and run on embedded chDB, gives exactly the in-memory rows: avg/stdev/var/perc to the last bit
// (many non-integer values per group, so the order of the additions shows), hostile numbers
// (NaN/inf/-0 texts, "010", "1e3", " 5", huge and tiny), nulls, multivalues, non-ASCII BY keys,
// rows in no group, no rows at all; what stays local says why.
import { afterAll, describe, expect, it } from "vitest";
import { compile, runSearch } from "../../../src/run.js";
import { EventStore } from "../../../src/index.js";
import { runSearchOnBackend } from "../../../src/run-on-backend.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { limitedArithmetic, numberPrecision, roundDecimalSql, storedNumber } from "../../../src/sql/compile-eval-precision.js";
import { roundDecimal } from "../../../src/values/numeric-round.js";
import { SETTINGS } from "../../../src/sql/compile-group.js";
import { sqlFloat } from "../../../src/sql/sql-text.js";
import { combineLsd, EXACT, FROM_VALUE, lsdOfValue, storedNumber as jsStored } from "../../../src/values/numeric-precision.js";
import { openChdb } from "./chdb-support.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const NOW = 1_700_100_000;

const ODD = [
  "NaN", "nan", "Infinity", "-Infinity", "1e999", "-0", "0", "010", "1e3", " 5", "5 ", "+7", ".5", "0x10", "abc", "",
  "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "1e-300", "0.1", "0.2", "0.3", "9007199254740993", "123456789.123456789",
];
const APPS = ["web", "Web", "dns", "über", "\u0130x", "😀", "10", "010"];
/** Text the group key cannot hold as memory's does (U+0000 joins its fields) or that ClickHouse may hold for a lone surrogate. */
const UNSAFE_APPS = ["web", "a\u0000b", "x\ufffd"];

function store(apps: readonly string[] = APPS): EventStore {
  const s = new EventStore();
  for (let i = 0; i < 420; i++) {
    const fields: Record<string, string | string[]> = {
      tag: ["network", "communicate"],
      app: apps[i % 7 % apps.length] as string,
      src: `10.0.${i % 11}.${i % 13}`,
      dest: `h${i % 5}`,
      // Non-integer durations: their sums depend on the order they are added in.
      duration: i % 17 === 0 ? (ODD[i % ODD.length] as string) : ((i * 7919) % 1000 / 7.3).toFixed(i % 4),
      action: i % 3 === 0 ? "blocked" : "allowed",
    };
    if (i % 4 !== 0) fields.protocol = i % 4 === 1 ? "tcp" : i % 4 === 2 ? "10" : "UDP";
    if (i % 9 === 0) fields.bytes = [String(i / 3), ODD[i % ODD.length] as string];
    s.append({ time: 1_700_000_000 + i * 61, fields });
  }
  return s;
}

const T = "| tstats count sum(All_Traffic.duration) as total values(All_Traffic.protocol) as protos dc(All_Traffic.dest) as dests from datamodel=Network_Traffic.All_Traffic by All_Traffic.app All_Traffic.src All_Traffic.dest | rename All_Traffic.* AS *";
const B = "| tstats count sum(All_Traffic.bytes) as b from datamodel=Network_Traffic.All_Traffic by All_Traffic.src All_Traffic.dest _time span=1h | rename All_Traffic.* AS *";

const PUSHED: readonly string[] = [
  `${T} | eventstats avg(total) as comp_avg, stdev(total) as comp_std, count as n by app`,
  `${T} | eventstats avg(total) AS a stdev(total) AS s`,
  `${T} | eventstats var(total) varp(total) stdevp(total) sum(total) sumsq(total) mean(total) by src`,
  `${T} | eventstats p50(total) as p, perc95(total), median(total), exactperc99.9(total), upperperc0(total), p100(total) by dest`,
  `${T} | eventstats dc(src) as d, count(protos) as cp, dc(protos) as dp, values(src) as vs by dest`,
  `${T} | eventstats max(count) as mx, min(total) as mn, max(total) as mt by app`,
  `${T} | eventstats count as n by count`,
  `${T} | eventstats avg(count) as a by total`,
  `${T} | eventstats count as n, avg(total) as a by app, dest`,
  `${T} | eval k=if(count > 1, app, null()) | eventstats count as n, avg(total) as a by k`,
  `${T} | eval k=if(count > 100, app, null()) | eventstats count as n by k`,
  `${T} | eventstats count as n, dc(app) as d by nosuch`,
  `${T} | eventstats avg(app) as a, count(app) as c, dc(app) as d, sum(app) as s by dest`,
  `${T} | eval m=split(src, ".") | eventstats sum(m) as s, avg(m) as a, stdev(m) as sd, count(m) as c, dc(m) as d, p25(m) as q by m`,
  `${T} | eventstats avg(total) as a by app | where total > a`,
  `${T} | where count < 0 | eventstats avg(total) as a, count as n`,
  `${T} | eventstats count as n by app | where n > 1000`,
  `${T} | sort - total | eventstats avg(total) as a, stdev(total) as s by dest`,
  `${B} | eventstats avg(b) as a, stdev(b) as s, p50(b) as m, count as n by _time`,
  `${B} | eventstats avg(count) as a, stdev(count) as s by src`,
  // ESCU's outlier shape: the eval rounds to the inputs' precision (text where it ends on zeros).
  `${T} | where total < 1000000 AND total > -1000000 | eventstats avg(total) as comp_avg, stdev(total) as comp_std by app | eval upperBound=(comp_avg+comp_std*3) | eval isOutlier=if(total > 10 and total >= upperBound, 1, 0) | search isOutlier=1`,
  `${B} | eventstats avg(count) as a, stdev(count) as s, count as n by src | eval up=(a + s * 3), lo=a - s*2.5, z=(count - a) / s | where count > (a + s) OR up < 3 | eval hit=if(count >= up, 1, 0)`,
  `${T} | eventstats avg(count) as a, stdev(count) as s, p50(total) as m | eval r=count*1.0, q=count/4, t=total*2.50, u=total/3, v=total-0.1, y=-total*0.5, z=-a | eval r2=r * r + 1, up=m + s*2, k=if(r > 3 AND r2 != 5, 1, 0)`,
  `${B} | eventstats avg(count) AS average stdev(count) AS standarddev | eval limit = round((average+(standarddev*3)),0), r1=round(b, 1), r2=round(b*1.5), r3=round(count/3, 2), r4=round(2.5+1.5) | where count > limit OR r4 > 3`,
  // Arithmetic over a field's number or a decimal literal (it used to stay local): stored rounded.
  `${T} | eval x=count*2, y=len(app) + 0.5, z=len(app) * 0.25, w=dests / 3`,
  `${T} | eval x=count*1.5, y=count*1.0 | fillnull value=none x y nosuch`,
  `${T} | eventstats avg(total) as a by dest | eval d=total - a, e=a * 1e-5, f=a * 100000000000, g=a / 0, h=0 * a`,
];

/** The rows (and fields) of `q` through the backend, pushed completely, equal the in-memory ones. */
async function expectSame(q: string, s: EventStore): Promise<void> {
  const memory = runSearch(q, s, { now: NOW });
  expect(memory.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const got = await runSearchOnBackend(q, s, backend!, { now: NOW });
  expect(got.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  expect(got.pushdown.stop).toBeNull();
  expect(got.pushdown.fellBack).toBeFalsy();
  expect(got.table!.fields).toEqual(memory.table!.fields);
  expect(got.table!.rows()).toEqual(memory.table!.rows());
}

/** Runs where SQL cannot see what memory does (the guard sends the search to memory): still the in-memory rows. */
const GUARDED: readonly string[] = [
  // Grouped rows, none with a number: the field exists in memory (all null), which SQL cannot show.
  `${T} | eventstats avg(nosuch) as z`,
  `${T} | eval x=1e308 * 10 | eventstats max(x) as m`,
  // A stdev over 1e308s is NaN, and `+` of NaN joins text in memory.
  `${T} | eventstats avg(total) as comp_avg, stdev(total) as comp_std by app | eval upperBound=(comp_avg+comp_std*3)`,
  `${T} | eventstats count as n by app`,
  `${T} | eval k=mvappend(app, dest) | eventstats dc(app) as n by k`,
];

describe.skipIf(!backend)(`eventstats after an aggregate on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const s = store();
  it.each(PUSHED)("%s", async (q) => {
    await expectSame(q, s);
  });

  const unsafe = store(UNSAFE_APPS);
  it.each(GUARDED)("%s (guarded: runs in memory)", async (q) => {
    const memory = runSearch(q, unsafe, { now: NOW });
    const got = await runSearchOnBackend(q, unsafe, backend!, { now: NOW });
    expect(got.pushdown.fellBack).toBe(true);
    expect(got.table!.fields).toEqual(memory.table!.fields);
    expect(got.table!.rows()).toEqual(memory.table!.rows());
  });

  it("computes avg and stdev exactly where the order of the additions matters", async () => {
    const q = `${T} | where total < 1000000 AND total > -1000000 | eventstats avg(total) AS a stdev(total) AS s`;
    await expectSame(q, s);
    const rows = runSearch(q, s, { now: NOW }).table!.rows();
    const totals = rows.map((r) => Number(r.total));
    // The in-memory sum in another order differs in the last bits: so equality above is not luck.
    const forward = totals.reduce((a, x) => a + x, 0);
    const backward = [...totals].reverse().reduce((a, x) => a + x, 0);
    expect(forward).not.toBe(backward);
    expect(rows[0]?.a).toBe(forward / totals.length);
  });
});

/** Doubles of every kind of digits: a seeded walk over magnitudes, thirds, sevenths, near-ties. */
function doubles(): number[] {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = [0, -0, 1, -1, 0.5, 2.5, 1e-7, 1.5e-7, 123.456, 9007199254740993, 1e21, 1.2345678901234567, 0.1 + 0.2, 5e-324, 1.7976931348623157e308];
  for (let i = 0; i < 300; i++) {
    const mag = 10 ** Math.floor(rnd() * 24 - 12);
    const x = [rnd() * mag, Math.round(rnd() * 1e6) / 1000, (rnd() * 1000) / 3, -(rnd() * mag) / 7, Math.sqrt(rnd() * 1e4)][i % 5] as number;
    out.push(x);
  }
  return out;
}

describe.skipIf(!backend)(`eval's precision arithmetic in SQL = numeric-precision.ts${why ? ` (skipped: ${why})` : ""}`, () => {
  const xs = doubles();
  /** One row per input tuple (in order): `expr` over `c.1`, `c.2`, … */
  const over = async (inputs: readonly (readonly number[])[], expr: string): Promise<unknown[]> => {
    const list = inputs.map((t) => `tuple(${t.map((x) => (Number.isFinite(x) || Number.isNaN(x) ? sqlFloat(x) : x > 0 ? "inf" : "-inf")).join(", ")})`).join(", ");
    const got = await backend!.query(`SELECT n, ${expr} AS r FROM (SELECT arrayJoin(arrayZip(range(${inputs.length}), [${list}])) AS z, z.1 AS n, z.2 AS c) ORDER BY n ${SETTINGS}`);
    return got.map((row) => row.r);
  };

  it("reads a number's precision as lsdOfValue does", async () => {
    const got = await over(xs.map((x) => [x]), `toString(${numberPrecision("c.1")})`);
    expect(got).toEqual(xs.map((x) => (lsdOfValue(x) === EXACT ? "-inf" : String(lsdOfValue(x)))));
  });

  it("stores a number to a precision as storedNumber does (text where it ends on zeros)", async () => {
    const cases = xs.flatMap((x, i) => [[x, -((i % 23) - 1)], [x, lsdOfValue(x) + (i % 3)]] as [number, number][]);
    const s = storedNumber({ sql: "c.1", ty: "num", prec: "c.2" });
    const got = (await over(cases, `(${s.text}, toString(${s.number}))`)) as [string | null, string | null][];
    const mine = got.map(([t, n]) => (t !== null ? t : n === null ? null : Number(n)));
    expect(mine).toEqual(cases.map(([x, lsd]) => jsStored(x, lsd)));
  });

  it("rounds as round() does (on the shortest text's digits, halves away from zero)", async () => {
    const cases = xs.filter((x) => Number.isFinite(x)).flatMap((x, i) => [[x, i % 4], [Math.round(x * 1000) / 1000 + 0.0005 * (i % 2), i % 4]]).filter(([x]) => Number.isFinite(x));
    const got = await over(cases, `[${[0, 1, 2, 3].map((d) => `toString(${roundDecimalSql("c.1", d)})`).join(", ")}][toUInt32(c.2) + 1]`);
    expect(got.map((x) => Number(x))).toEqual(cases.map(([x, d]) => roundDecimal(x as number, d as number)));
  });

  it("combines precisions through * / + - as combineLsd does", async () => {
    const pairs = xs.map((x, i) => [x, xs[(i * 7 + 3) % xs.length] as number] as const);
    const ops = ["*", "/", "+", "-"] as const;
    const num = (sql: string) => ({ sql, ty: "num" as const, prec: numberPrecision(sql) });
    const items = ops.map((op) => `toString(${limitedArithmetic(op, num("c.1"), num("c.2")).prec})`);
    const got = (await over(pairs, `[${items.join(", ")}]`)) as string[][];
    const want = pairs.map(([a, b]) => ops.map((op) => {
      const v = op === "*" ? a * b : op === "/" ? a / b : op === "+" ? a + b : a - b;
      const p = Number.isInteger(a) && Number.isInteger(b) ? EXACT : combineLsd(op, v, a, FROM_VALUE, b, FROM_VALUE);
      return p === EXACT ? "-inf" : String(p);
    }));
    expect(got).toEqual(want);
  });
});

const LOCAL: readonly [string, string][] = [
  [`${T} | eventstats allnum=true avg(total)`, "allnum=true"],
  [`${T} | eventstats count(eval(count > 1)) as c`, "eval("],
  [`${T} | eventstats avg(*) as a`, "wildcard"],
  [`${T} | eventstats max(count) as count by app`, "already a field"],
  [`${T} | eventstats count as a, avg(total) as a`, "named twice"],
  [`${T} | eventstats count as n by protos`, "values() list"],
  [`${T} | eventstats avg(total) as a1 by app | eventstats avg(a1) as a2`, "new fields"],
  [`${T} | eval x=total % 7`, "the % operator over a value of limited precision"],
  [`${T} | eval x=round(total*2.5, count)`, "round() other than of a number to a literal count of digits"],
  [`${T} | eval x=if(count > 1, total*2.5, 0)`, "if() of a number of limited precision"],
  [`${T} | where total*2.5`, "the truth of a number of limited precision"],
  [`${T} | eval x=count*1.0 | eval y=if(x, 1, 0)`, "if() of a number of limited precision"],
  [`${T} | eval x=count*1.0 | where x OR count > 1`, "the truth of a number of limited precision"],
  [`${T} | eval x=count*1.0 | where x = "abc"`, "comparing a number with text"],
  [`${T} | eventstats sum(protos) as s`, "values() list"],
  [`${T} | eventstats min(app) as m`, "min of text"],
  [`${T} | eventstats values(total) as v`, "values() of a number"],
  [`${T} | eventstats mode(app) as m`, "mode() is not pushed yet"],
  [`${T} | convert ctime(total) | eventstats count by total`, "convert ctime"],
];

describe("eventstats that stays local says why", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const c = compile(q);
    const report = compilePushdown(c.plan!.logical, { now: NOW, tz: "UTC" });
    expect(report.stop?.reason).toContain(reason);
  });
});
