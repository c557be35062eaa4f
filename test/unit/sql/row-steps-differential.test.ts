// Issue 13: the per-event steps between an event search and its stats (rename, fillnull, eval,
// where, search, bin/bucket _time; src/sql/row-steps.ts) and stats eval() arguments, compiled to
// ClickHouse SQL and run on embedded chDB, give exactly the in-memory rows over hostile events.
// A computed value whose case folding only JavaScript knows sends the search back to memory at
// run time (src/sql/guard.ts), with the same rows; what stays local says why. Skipped, saying
// why, without chDB.
import { afterAll, describe, expect, it } from "vitest";
import { EventStore, runSearch, runSearchOnBackend } from "../../../src/index.js";
import { compile } from "../../../src/run.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { expectPushedSame, openChdb } from "./chdb-support.js";
import { hostileStore } from "./hostile-events.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const NOW = 1_700_100_000;

/** Pushed completely, rows equal. */
const PUSHED: readonly string[] = [
  `index=* | eval x=if(EventCode=1, "proc", "other") | stats count by x`,
  `index=* | eval x=coalesce(dest, user) | stats count values(x) as v by host`,
  `index=* | eval t=mvindex(tag, 0), u=mvindex(tag, -1) | stats count by t u`,
  `index=* | eval a=user, b=a | stats count by b`,
  `index=* | eval user=host, host=user | stats count by host user`,
  `index=* | eval time=_time | stats min(time) as f max(time) as l count by host`,
  `index=* | eval x=if(EventCode=1, user, null()) | stats values(x) as v dc(x) as d count(x) as c by host`,
  `index=* | eval dest=if(isnull(dest), "none", dest) | stats count by dest`,
  `index=* | eval s=split(CommandLine, " ") | stats count by host s`,
  `index=* | eval k=case(EventCode=1, "one", EventCode=3, "three", true(), EventCode) | stats count earliest(k) as e latest(k) as l by k`,
  `index=* | where EventCode=1 | stats count by host`,
  `index=* | where user="foo" OR n>5 | stats count by user`,
  `index=* | where isnotnull(dest) AND dest!="DC01" | stats count by dest`,
  `index=* | where like(user, "f%") | stats count by user`,
  `index=* | eval x=user | search x=foo | stats count by user`,
  `index=* | eval x=if(like(user, "f%"), "yes", "no") | search x=yes | stats count by user`,
  `index=* | eval x=if(EventCode=1, "a%b", "c_d") | search x="a%*" OR x=c_d | stats count by x`,
  `index=* | rename user as u | eval v=u | fillnull value=none v | stats count by v`,
  `index=* | eval x=coalesce(dest, "none") | where x!="none" | rename x as d | stats count by d`,
  `index=* | search EventCode=1 | eval h=host | search h=host1 | stats count by h`,
  `index=* | eval x=host | search whoami | stats count by x`,
  `index=* | eval x=dest | search x=10.0.0.0/8 | stats count by x`,
  `index=* | bucket _time span=1h | stats count by _time host`,
  `index=* | bin _time span=10m | stats count by _time`,
  `index=* | bin span=1d _time | stats count min(_time) as f earliest(user) as e by host _time`,
  `index=* | bin _time span=3600 | stats count latest(user) as l by _time`,
  `index=* | eval t=_time | bin _time span=1h | stats min(t) as first min(_time) as bucket by host`,
  `index=* | stats count by _time`,
  `index=* | stats count by _time host`,
  `index=* | stats values(eval(if(EventCode=1, user, null()))) as v count by host`,
  `index=* | stats dc(eval(coalesce(dest, user))) as d by EventCode`,
  `index=* | fillnull value=x dest | eval d=dest | stats count by d`,
  `index=* | eval x=upper(Image), y=lower(Image) | stats count by x y`,
  `index=* | eval x=trim(" " . host . "\t "), y=ltrim(Image, "C:"), z=rtrim(Image, "exe.") | stats count by x y z`,
  `index=* | eval x=mvappend(host, dest, "lit") | stats count values(x) as v by host`,
  `index=* | eval x=mvjoin(mvappend(host, dest), "; ") | stats count by x`,
  `index=* | eval c=mvcount(tag) | eval t=mvindex(tag, c-1), u=mvindex(tag, 1-c) | stats count by t u`,
  `index=* | eval n=len(host) | eval h=mvindex(split(Image, "s"), n-6) | stats count by h`,
  `index=* | eval x=host . ":" . dest | stats count by x`,
  `index=* | eval x=len(tag) | stats count`,
  `index=* | stats count by host Image | eval x=upper(Image) . "-" . host, y=mvjoin(mvappend(host, Image), ",")`,
];

/** An event search ending in its events as a table (compile-event-table.ts). */
const TABLES: readonly string[] = [
  `index=* | table _time host user dest`,
  `index=* EventCode=1 | rename Image as process | table _time host process nosuch | search *`,
  `index=* | eval x=coalesce(dest, "none") | where x!="none" | table x host tag`,
  `index=* | table host, host, user | rename user as u`,
  `index=* | bin _time span=1h | table _time host n`,
  `sourcetype=nothing | table _time EventCode`,
  `index=nosuch | table _time host`,
];

/** Compiled and run, but a value only JavaScript folds sends it back to memory: same rows. */
const FALLBACK: readonly string[] = [
  `index=* | eval x=coalesce(user, "none") | search x=über | stats count by x`,
  `index=* | eval x=coalesce(user, "none") | search x=k* | stats count by x`,
  `index=* | eval x=upper(user) | stats count by x`,
  `index=* | eval x=lower(user) | stats count by x`,
  `index=* | stats count by user | eval x=upper(user)`,
];

/**
 * Pushed completely at compile time; over these hostile values a run-time guard may send the
 * search to memory (a regex or a fold only JavaScript decides), but the rows are the same.
 */
const GUARDED: readonly string[] = [
  String.raw`index=* | rex field=host "host(?<hn>\d)" | stats count by hn`,
  String.raw`index=* | rex field=tag "^(?<first>p\w+)" | stats count by first`,
  String.raw`index=* | rex "EventID>(?<eid>\d+)<" | stats count by eid`,
  String.raw`index=* | eval user="none" | rex field=Image "(?<user>cmd)" | stats count by user`,
  String.raw`index=* | rex field=Image "(?i)(?<exe>CMD|POWERSHELL)\.exe" | stats count by exe`,
  String.raw`index=* | rex field=user "(?<u>f.o)" | stats count by u`,
  String.raw`index=* | rex field=CommandLine "echo (?<said>\S+)" | rex field=said "(?<d>\d+)" | stats count by said d`,
  String.raw`index=* | eval x=coalesce(dest, host) | rex field=x "^(?<net>\d+)\." | stats count by x net`,
  String.raw`index=* | eval x=replace(Image, "(.*\\\\)", "") | stats count by x`,
  String.raw`index=* | eval x=replace(user, "o+", "0\\"), y=replace(tag, "[a-c]", "\x") | stats count by x y`,
  String.raw`index=* | eval x=replace(CommandLine, "\s+", " ") | stats count by x`,
  String.raw`index=* | eval i=mvfind(tag, "^p") | eval t=mvindex(tag, i) | stats count by t`,
  String.raw`index=* | stats values(user) as u by host | eval x=replace(host, "\d", "#")`,
  String.raw`index=* | regex Image="(?i)(cmd|powershell)\.exe$" | stats count by Image`,
  String.raw`index=* | regex tag!="^p" | eval x=coalesce(dest, "none") | regex x="^\d" | stats count by host x`,
  String.raw`index=* | regex nosuch="." | stats count`,
  String.raw`index=* | regex nosuch!="." | stats count`,
  String.raw`index=* | eval x=replace(user, "(o+)", "<\\1>"), y=replace(Image, "^(\w)", "\\0\\\\") | stats count by x y`,
  String.raw`index=* | eval x=urldecode(user), y=urldecode("a%20b+c%zz%2%" . host) | stats count by x y`,
];

const ranInClickhouse: string[] = [];

/** A wildcard rename right after the search (the fields some matched event has decide), pushed. */
const WILDCARD: readonly string[] = [
  `* | rename properties.* AS * | stats count by user app`,
  `* | rename properties.* AS * | stats count values(app) as a by user`,
  `* | rename properties.* AS * | stats count values(user) as u by app`,
  `sourcetype=s2 | rename properties.* AS * | stats count values(other) as o by user`,
  `user=u2 | rename properties.* AS * | stats count by user app`,
  `user=u1 OR user=u2 | rename properties.* AS * | stats count by user app`,
  `* | rename properties.* AS *, user AS u | stats count by u app`,
  `* | rename properties.* AS * | eval x=coalesce(user, "none") | where x!="none" | stats count by x`,
  `* | rename properties.* AS * | fillnull value=z user | stats count by user`,
  `* | rename properties.* AS * | search user=u* | stats count by user`,
  `* | rename *ser AS *x | stats count by ux properties.ux`,
  `* | rename properties.u* AS u* | stats count by user`,
];

function wildcardStore() {
  const s = new EventStore();
  s.append({ time: 1_700_000_000, fields: { sourcetype: "s1", "properties.user": "a", user: "u1", app: "x" } });
  s.append({ time: 1_700_000_001, fields: { sourcetype: "s1", "properties.app": "A2", user: "u2" } });
  s.append({ time: 1_700_000_002, fields: { sourcetype: "s1", user: "u3", "properties.user": ["m", "n", "m"] } });
  s.append({ time: 1_700_000_003, fields: { sourcetype: "s2", other: "y" } });
  s.append({ time: 1_700_000_003, fields: { sourcetype: "s2", other: "z", user: "u\u00fc" } });
  return s;
}

/** ESCU's linux_auditd_normalized_proctitle_process macro: a hex command line decoded. */
const PROCTITLE = String.raw`type=PROCTITLE | eval normalized_proctitle_delimiter = if(type=="PROCTITLE" AND isnotnull(proctitle), if(match(proctitle,"^[0-9A-F]+$"), replace(proctitle, "000", "020"),proctitle),null()) | eval normalized_proctitle_delimiter = if(type=="PROCTITLE" AND isnotnull(proctitle), if(match(normalized_proctitle_delimiter,"^[0-9A-F]+$"), replace(normalized_proctitle_delimiter, "00", "20"),normalized_proctitle_delimiter),null()) | eval process_exec = if(match(normalized_proctitle_delimiter,"^[0-9A-F]+$"),urldecode(replace(normalized_proctitle_delimiter,"([0-9A-F]{2})","%\1")),normalized_proctitle_delimiter)`;

/** foreach between the search and its stats (ESCU's linux_auditd_normalized_execve_process macro). */
const EXECVE = String.raw`type=EXECVE | eval relevant_fields=if(type="EXECVE", "", relevant_fields) | foreach a* [eval relevant_fields=if(type="EXECVE", mvappend(relevant_fields, '<<FIELD>>'), relevant_fields)] | eval process_exec=if(type="EXECVE", mvjoin(relevant_fields, " "), process_exec) | eval process_exec=if(type="EXECVE", trim(process_exec), process_exec)`;
const FOREACH: readonly string[] = [
  `${PROCTITLE} | stats count by process_exec host`,
  `${PROCTITLE} | rename host as dest | where LIKE(process_exec, "%useradd%") | stats count by process_exec dest`,
  `${EXECVE} | stats count by process_exec`,
  `${EXECVE} | rename host as dest | where LIKE(process_exec, "%base64%") | stats count min(_time) as firstTime by argc process_exec dest`,
  `* | foreach a* [eval <<FIELD>>="<<MATCHSTR>>:" . <<FIELD>>] | stats count by a0 a1 argc`,
  `* | foreach a* b* [eval n_<<FIELD>>=<<FIELD>>] | stats count by n_a0 n_b1 | eval k=1`,
];

function execveStore() {
  const s = new EventStore();
  s.append({ time: 1_700_000_000, fields: { type: "EXECVE", host: "h1", a0: "echo", a1: "aGVsbG8=", argc: "3", a2: "| base64 -d" } });
  s.append({ time: 1_700_000_001, fields: { type: "EXECVE", host: "h2", a3: "x", a0: "ls", b1: "B", a1: " -la " } });
  s.append({ time: 1_700_000_002, fields: { type: "PROCTITLE", host: "h1", a0: "ignored", proctitle: "bash" } });
  s.append({ time: 1_700_000_003, fields: { type: "EXECVE", host: "h3", argc: "1", a0: ["m1", "m2"] } });
  // "useradd -m bob", NUL-separated, as auditd writes a PROCTITLE; one not hex; one with bad UTF-8.
  s.append({ time: 1_700_000_004, fields: { type: "PROCTITLE", host: "h1", proctitle: Buffer.from("useradd\0-m\0bob").toString("hex").toUpperCase() } });
  s.append({ time: 1_700_000_005, fields: { type: "PROCTITLE", host: "h2", proctitle: "/bin/bash -i" } });
  s.append({ time: 1_700_000_006, fields: { type: "PROCTITLE", host: "h3", proctitle: "75736572616464" } });
  return s;
}

/** Stays local, with the reason. */
const LOCAL: readonly (readonly [string, string])[] = [
  [`index=* | eval x=mvcount(tag) | stats count by x`, "a number eval computed"],
  [`index=* | eval c=mvcount(tag) | eval t=mvindex(tag, 0, c) | stats count by t`, "mvindex() other than of one literal position"],
  [`index=* | eval x=1.5 | stats count by x`, "stored to its precision"],
  [`index=* | fillnull value=x | where dest="x" | stats count`, "a where after a fillnull without a field list"],
  [`index=* | bin span=1mon _time | stats count by _time`, "months"],
  [`index=* | bin n span=10 | stats count by n`, "bin of n"],
  [`index=* | bin _time | stats count by _time`, "without span="],
  [`index=* | eval {user}=1 | stats count`, "a field name from data"],
  [`index=* | eval _time=0 | stats count by _time`, "an eval of _time"],
  [`index=* | eval x=coalesce(host, "n") | search x=10.0.0.0/8 | stats count`, "CIDR"],
  [`index=* | stats count(eval(EventCode=1)) as c`, "count(eval"],
  [`index=* | eval t=_time | stats count by t`, "the time as a number"],
  [String.raw`index=* | rex field=host max_match=0 "(?<c>\w)" | stats count by c`, "max_match"],
  [`index=* | rename host AS h | foreach a* [eval x=1] | stats count`, "foreach after a rename"],
  [`index=* | table h*`, "table of a wildcard"],
  [`index=* | eval n=mvcount(tag) | table n`, "a number eval computed"],
  [`index=* | head 5 | table host`, "an event search followed by | head"],
  [String.raw`index=* | eval x=replace(user, "x*", "-") | stats count by x`, "can match empty text"],
  [String.raw`index=* | eval x=replace(user, "(o)?x", "\1") | stats count by x`, "a group that may take no part"],
  [`index=* | eval a9=1 | foreach a* [eval x=<<FIELD>>] | stats count`, "an earlier step gave values to"],
  [`index=* | foreach a* [eval x=1 | where x=1] | stats count`, "a foreach template with | where"],
  [String.raw`index=* | rex field=host mode=sed "s/h/H/" | stats count by host`, "sed"],
  [`index=* | rename properties.* AS * | stats count by user`, "the store's fields are not known"],
  [`index=* | eval x=1 | rename properties.* AS * | stats count by user`, "after another step"],
];

describe.skipIf(!backend)(`search | <row steps> | stats on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const store = hostileStore();
  it.each(PUSHED)("%s", async (q) => {
    await expectPushedSame(q, store, backend!, NOW);
  });
  it.each(WILDCARD)("%s", async (q) => {
    const store = wildcardStore();
    await expectPushedSame(q, store, backend!, NOW);
  });
  it.each(GUARDED)("%s", async (q) => {
    const memory = runSearch(q, store, { now: NOW });
    expect(memory.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const plan = compile(q).plan!;
    expect(compilePushdown(plan.logical, { now: NOW, tz: "UTC" }).stop).toBeNull();
    const r = await runSearchOnBackend(q, store, backend!, { now: NOW });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.table!.fields).toEqual(memory.table!.fields);
    expect(r.table!.rows()).toEqual(memory.table!.rows());
    if (!r.pushdown.fellBack) ranInClickhouse.push(q);
  });
  it("most of those ran in ClickHouse (the guards fire only on the values that need them)", () => {
    expect(ranInClickhouse.length).toBeGreaterThanOrEqual(GUARDED.length - 2);
  });
  it.each(FOREACH)("%s", async (q) => {
    const store = execveStore();
    expect((await expectPushedSame(q, store, backend!, NOW)).length).toBeGreaterThan(0);
  });
  it("a lone surrogate in _raw (UTF-8 cannot hold it) sends a search reading _raw to memory, with the same rows", async () => {
    const s = new EventStore();
    s.append({ time: 1_700_000_000, fields: { host: "a", _raw: "cmd.exe \ud800 whoami" } });
    s.append({ time: 1_700_000_001, fields: { host: "b", _raw: "cmd.exe \udc00 whoami" } });
    s.append({ time: 1_700_000_002, fields: { host: "c", _raw: "powershell" } });
    for (const q of ["whoami | stats count dc(_raw) as d by host", "* | stats count by host"]) {
      const memory = runSearch(q, s, { now: NOW });
      const r = await runSearchOnBackend(q, s, backend!, { now: NOW });
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(r.table!.rows()).toEqual(memory.table!.rows());
      expect(r.pushdown.fellBack === true).toBe(q.startsWith("whoami"));
    }
  });
  it.each(TABLES)("%s", async (q) => {
    await expectPushedSame(q, store, backend!, NOW);
  });
  it.each(FALLBACK)("%s falls back to memory at run time", async (q) => {
    const memory = runSearch(q, store, { now: NOW });
    expect(memory.table!.length).toBeGreaterThan(0);
    const r = await runSearchOnBackend(q, store, backend!, { now: NOW });
    expect(r.pushdown.fellBack).toBe(true);
    expect(r.pushdown.stop?.reason).toContain("JavaScript's semantics");
    expect(r.table!.fields).toEqual(memory.table!.fields);
    expect(r.table!.rows()).toEqual(memory.table!.rows());
  });
});

describe("row steps that stay local", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const c = compile(q);
    expect(c.plan, c.diagnostics.map((d) => d.message).join("; ")).toBeTruthy();
    const storeFields = reason.includes("store's fields") ? {} : { storeFields: ["a0", "user", "host", "properties.user"] };
    const r = compilePushdown(c.plan!.logical, { now: NOW, tz: "UTC", ...storeFields });
    expect(r.pushed).toBeNull();
    expect(r.stop?.reason).toContain(reason);
  });
});
