// Issue 13: `| lookup` after a pushed tstats, compiled to SQL over its result
// (src/sql/compile-lookup-step.ts) with its table loaded into chDB (storage/clickhouse/load-lookups.ts),
// gives exactly the in-memory rows (commands/lookup-run.ts, lookups/matcher.ts): exact, wildcard and
// case-insensitive matching over hostile keys (case, the Kelvin sign, İ, LIKE metacharacters,
// backslashes, astral characters, U+FFFD), multivalue keys, several matches in file order,
// max_matches, min_matches/default_match, OUTPUT vs OUTPUTNEW, AS renames, no OUTPUT clause; values
// only JavaScript folds exactly send the search back to memory (guard.ts); what stays local says why.
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { EventStore, LookupStore, runSearch, runSearchOnBackend } from "../../../src/index.js";
import type { LookupDefinition, MatchKind } from "../../../src/lookups/definition.js";
import type { LookupTable } from "../../../src/lookups/table.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { openChdb } from "./chdb-support.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const ASCII_APPS = ["foo", "Foo", "FOO", "key", "K", "f%o", "f_o", "f\\o", "fxo", "it's", 'q"uote', "010", "10", "1e1", "x*y", "xay", "%", "_", "\\", "a\tb", "a\nb", "web1", "WEB2", "srv-01"];
const HOSTILE_APPS = ["\u0130x", "i\u0307x", "\u212aey", "Über", "über", "😀x", "\ufffdx", "\ud800x", "\uffff", "\ue000"];
const APPS = [...ASCII_APPS, ...HOSTILE_APPS];

function store(): EventStore {
  const s = new EventStore();
  APPS.forEach((app, i) => {
    const fields: Record<string, string | string[]> = {
      tag: ["network", "communicate"],
      app,
      src: APPS[(i * 3) % APPS.length] as string,
      dest: i % 4 === 0 ? "10" : i % 4 === 1 ? "20" : "x",
    };
    if (i % 3 === 0) fields.vlan = [APPS[(i * 5) % APPS.length] as string, "foo"];
    if (i % 5 === 0) fields.user = "bob";
    s.append({ time: 1_700_000_000 + i * 61, fields });
  });
  return s;
}

/** Cells: exact case variants, duplicates (several matches), patterns with LIKE metacharacters, empty cells. */
const ASCII_TABLE: LookupTable = {
  fields: ["name", "kind", "note", "port", "owner"],
  rows: [
    ["foo", "exact", "first foo", "10", "alice"],
    ["FOO", "upper", null, "20", null],
    ["foo", "dup", "second foo", null, "carol"],
    ["f%o", "percent", "lit %", "10", null],
    ["f_o", "under", "lit _", "x", null],
    ["f\\o", "backslash", "lit \\", "10", null],
    ["*o", "ends-o", "pattern", "x", null],
    ["k*", "starts-k", "pattern k", "10", null],
    ["x*y", "star", "x star y", "20", null],
    ["*%*", "has-percent", null, "10", null],
    ["*_*", "has-under", "pattern _", "10", null],
    ["*\\*", "has-backslash", "pattern \\", "10", null],
    ["*", "anything", "catch all", "99", null],
    [null, "empty", "never", "10", null],
    ["10", "ten", "number text", "20", null],
    ["a\nb", "newline", "nl", "x", null],
    ["it's", "quote", "q", "10", null],
    ["WEB*", "web", "web", "10", null],
  ],
};

/** Non-ASCII cells: case-insensitive matching of non-ASCII values needs JavaScript (the guard). */
const HOSTILE_TABLE: LookupTable = {
  fields: ["name", "kind"],
  rows: [["über", "umlaut"], ["\u212a*", "kelvin"], ["\u0130x", "dotted"], ["😀*", "emoji"], ["\ufffdx", "replacement"], ["foo", "plain"]],
};

const NETS: LookupTable = { fields: ["net", "zone"], rows: [["10.0.0.0/8", "ten"], ["foo", "name"]] };
const NO_NETS: LookupTable = { fields: ["net", "zone"], rows: [["foo", "name"], ["FOO", "upper"]] };

function def(name: string, filename: string, o: { ci?: boolean; types?: [string, MatchKind][]; min?: number; max?: number; dflt?: string } = {}): LookupDefinition {
  return {
    name, filename, matchTypes: new Map(o.types ?? []), caseSensitive: !o.ci,
    minMatches: o.min ?? 0, maxMatches: o.max ?? 100, defaultMatch: o.dflt ?? "", origin: "test",
  };
}

const lookups = new LookupStore([
  def("exact", "apps.csv"),
  def("ci", "apps.csv", { ci: true }),
  def("wild", "apps.csv", { ci: true, types: [["name", "WILDCARD"]] }),
  def("wild_cs", "apps.csv", { types: [["name", "WILDCARD"]] }),
  def("wild_one", "apps.csv", { ci: true, types: [["name", "WILDCARD"]], min: 1, max: 1, dflt: "false" }),
  def("wild_two", "apps.csv", { ci: true, types: [["name", "WILDCARD"], ["port", "WILDCARD"]], min: 3, max: 2, dflt: "none" }),
  def("hostile_ci", "hostile.csv", { ci: true, types: [["name", "WILDCARD"]] }),
  def("hostile_cs", "hostile.csv", { types: [["name", "WILDCARD"]] }),
  def("nets", "nets.csv", { types: [["net", "CIDR"]] }),
  def("no_nets", "no_nets.csv", { ci: true, types: [["net", "CIDR"]] }),
], new Map([["apps.csv", ASCII_TABLE], ["hostile.csv", HOSTILE_TABLE], ["nets.csv", NETS], ["no_nets.csv", NO_NETS]]));

const T = "| tstats count values(All_Traffic.vlan) as vlans values(All_Traffic.user) as user from datamodel=Network_Traffic.All_Traffic by All_Traffic.app All_Traffic.src All_Traffic.dest | rename All_Traffic.* AS *";
const NOW = 1_700_100_000;

const PUSHED: readonly string[] = [
  `${T} | lookup exact name AS app OUTPUT kind note`,
  `${T} | lookup exact name AS app`,
  `${T} | lookup ci name AS app OUTPUT kind AS k, note AS n`,
  `${T} | lookup wild name AS app OUTPUT kind note port`,
  `${T} | lookup wild_cs name AS app OUTPUT kind, note`,
  `${T} | lookup wild_one name AS app OUTPUT kind AS isknown, note | search isknown!=false`,
  `${T} | lookup wild_two name AS app port AS dest OUTPUT kind note`,
  `${T} | lookup wild name AS vlans OUTPUT kind AS vk`,
  `${T} | lookup wild name AS app OUTPUT kind AS src`,
  `${T} | lookup wild name AS app OUTPUTNEW kind AS src, note AS dest`,
  `${T} | eval src=if(count > 1, null(), src) | lookup wild name AS app OUTPUTNEW kind AS src`,
  `${T} | rename nosuch AS gone | lookup wild name AS app OUTPUT kind AS gone`,
  `${T} | lookup wild name AS app OUTPUT kind | search kind=ends-o OR kind=pattern*`,
  `${T} | lookup exact name AS app OUTPUT kind, note | where isnull(kind) OR kind != "x"`,
  `${T} | lookup exact name AS nosuch OUTPUT kind`,
  `${T} | lookup exact name AS app OUTPUT kind AS x, note AS x, port AS y`,
  `${T} | lookup wild name AS app OUTPUT kind | lookup exact name AS kind OUTPUT note AS n2 | where isnull(n2) OR count > 0`,
  `${T} | lookup wild name AS app OUTPUT kind AS isknown | eval z=if(isknown="ends-o", 1, 0) | search z=1`,
  `${T} | lookup no_nets net AS app OUTPUT zone`,
  `${T} | lookup exact name AS app name AS src OUTPUT kind`,
  `${T} | search app=nomatch | lookup wild name AS app OUTPUT kind`,
  `${T} | search app=f* | lookup hostile_ci name AS app OUTPUT kind`,
  `${T} | search app=f* | lookup hostile_cs name AS app OUTPUT kind`,
  `${T} | lookup exact name AS app OUTPUT kind | table app count`,
  `${T} | lookup exact name AS app OUTPUT kind | fields - vlans`,
  `${T} | lookup exact name AS app OUTPUT kind | fillnull value=x`,
  `${T} | lookup exact name AS nosuch OUTPUT kind | fillnull value=x | fillnull value=y kind`,
  `${T} | lookup update=true local=true wild name AS app OUTPUT kind`,
  `${T} | lookup wild name AS app OUTPUT kind, note | eval hit=if(isnull(kind), "no", "yes"), n=mvcount(note) | where hit="yes" OR count > 0`,
  `${T} | lookup wild_one name AS vlans port AS dest OUTPUT kind | fields - src`,
  `${T} | lookup ci name AS app OUTPUT kind AS app`,
  `| tstats count min(_time) as firstTime from datamodel=Network_Traffic.All_Traffic by All_Traffic.app | rename All_Traffic.app AS app | lookup wild name AS app OUTPUT kind | convert ctime(firstTime) | search kind=*`,
];

/** A filter dropped every row with a value of the lookup's new field: it still exists (the presence query). */
const PRESENT: readonly string[] = [
  `${T} | lookup wild_one name AS app OUTPUT kind AS isknown | eval z=if(isknown="false", 1, 0) | search z=1`,
  `${T} | lookup wild_one name AS app OUTPUT kind AS isknown | search isknown=nosuchkind`,
  `${T} | lookup exact name AS app OUTPUT kind | where isnull(kind)`,
  `${T} | lookup exact name AS app OUTPUT kind, note | where isnull(kind) | dedup src | head 2`,
  `${T} | lookup exact name AS app OUTPUT kind | where count > 1000`,
  `${T} | lookup exact name AS app OUTPUT kind | eval z=upper(kind) | where isnull(kind)`,
  `${T} | lookup exact name AS app OUTPUT kind | eval k2=kind | rename kind AS k | where isnull(k)`,
  `${T} | lookup exact name AS app OUTPUT kind | dedup app | table *`,
  `${T} | lookup exact name AS app OUTPUT kind | search count > 1000 | fillnull value=x`,
];

/** Values only JavaScript folds exactly: the guard sends the search to memory, with the same rows. */
const FELL_BACK: readonly string[] = [
  `${T} | lookup hostile_ci name AS app OUTPUT kind`,
  `${T} | lookup hostile_cs name AS app OUTPUT kind`,
];

const LOCAL: readonly [string, string][] = [
  [`${T} | lookup nets net AS app OUTPUT zone`, "CIDR matching"],
  [`${T} | lookup missing_table name AS app OUTPUT kind`, "not available"],
  [`${T} | lookup exact nosuchfield AS app OUTPUT kind`, "has no field nosuchfield"],
  [`${T} | lookup exact name AS count OUTPUT kind`, "count is a number"],
  [`${T} | lookup wild name AS app OUTPUTNEW owner AS user`, "destination user is a values() set column"],
  [`${T} | lookup wild name AS app OUTPUT note AS vlans`, "destination vlans is a values() set column"],
  [`${T} | lookup exact name AS app OUTPUT kind AS count`, "destination count is a number column"],
  [`${T} | lookup exact name AS app OUTPUT kind note | eval kind="x"`, "whether kind exists"],
  [`${T} | lookup exact name AS app OUTPUT kind | rename kind AS app`, "its columns depend on whether kind exist"],
  [`${T} | lookup exact name AS app OUTPUT kind | table app kind`, "its columns depend on whether kind exist"],
  [`${T} | lookup exact name AS app OUTPUT kind | lookup exact name AS app OUTPUT note AS kind`, "may or may not exist"],
  [`${T} | lookup exact name AS app OUTPUT kind | dedup kind`, "whether kind exists"],
  [`${T} | lookup exact name AS app OUTPUT kind | stats count by kind`, "| stats after a rex's or lookup's new fields"],
];

describe.skipIf(!backend)(`lookup after tstats on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const s = store();
  const run = async (q: string) => {
    const memory = runSearch(q, s, { lookups, now: NOW });
    expect(memory.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const pushed = await runSearchOnBackend(q, s, backend!, { lookups, now: NOW });
    expect(pushed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(pushed.table!.fields).toEqual(memory.table!.fields);
    expect(pushed.table!.rows()).toEqual(memory.table!.rows());
    return pushed.pushdown;
  };
  it.each(PUSHED)("%s", async (q) => {
    const report = await run(q);
    expect(report.stop).toBeNull();
    expect(report.fellBack).toBeFalsy();
  });
  it.each(PRESENT)("%s (the presence query)", async (q) => {
    const report = await run(q);
    expect(report.stop).toBeNull();
    expect(report.fellBack).toBeFalsy();
    expect(report.pushed?.presence).toBeDefined();
  });
  it.each(FELL_BACK)("falls back: %s", async (q) => {
    const report = await run(q);
    expect(report.fellBack).toBe(true);
  });
  it("matches several rows in file order and fills default_match", async () => {
    const q = `${T} | search app=foo | lookup wild_two name AS app port AS dest OUTPUT kind | table app dest kind`;
    await run(q);
    const rows = runSearch(q, s, { lookups, now: NOW }).table!.rows();
    expect(rows.some((r) => Array.isArray(r.kind))).toBe(true);
  });
});

describe("lookup that stays local says why", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const c = compile(q);
    const report = compilePushdown(c.plan!.logical, { now: NOW, tz: "UTC", lookups });
    expect(report.stop?.reason).toContain(reason);
  });
  it("without the lookups the compiler stops at the lookup", () => {
    const report = compilePushdown(compile(`${T} | lookup exact name AS app`).plan!.logical, { now: NOW, tz: "UTC" });
    expect(report.stop?.reason).toContain("lookups are not known");
  });
});
