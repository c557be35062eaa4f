// Issue 13: `| join` after a pushed tstats, with a subsearch that pushes down too
// (src/sql/compile-join-step.ts), gives exactly the in-memory rows (commands/join.ts) on embedded
// chDB. join reference (help.splunk.com/…/search-commands/join): "type: inner | outer | left …
// Default: inner"; "max: Specifies the maximum number of subsearch results that each main search
// result can join with … Default: 1 … 0 means no limit"; "overwrite: … if fields in the main
// search and the subsearch have the same name, the fields in the subsearch results overwrite the
// fields in the main search". Keys over hostile text ("010" vs "10", case, non-ASCII, empty).
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { EventStore } from "../../../src/index.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { expectPushedSame, openChdb } from "./chdb-support.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const NOW = 1_700_100_000;
const SRCS = ["10", "010", "a", "A", "", " ", "\u0130x", "😀", "it's", "NaN", "1e1"];
const APPS = ["cmd.exe", "CMD.EXE", "x", "y"];
const USERS = ["bob", "alice", "Bob", "root"];

function store(): EventStore {
  const s = new EventStore();
  for (let i = 0; i < 60; i++) {
    const fields: Record<string, string | string[]> = {
      tag: ["network", "communicate"],
      src: SRCS[i % SRCS.length] as string,
      app: APPS[(i * 7) % APPS.length] as string,
    };
    if (i % 5 !== 0) fields.user = USERS[(i * 3) % USERS.length] as string;
    if (i % 3 === 0) fields.vlan = [SRCS[(i * 5) % SRCS.length] as string, "v"];
    fields.dest = `d${i % 4}`;
    s.append({ time: 1_700_000_000 + i * 1_500, fields });
  }
  return s;
}

const M = "| tstats count min(_time) as firstTime values(All_Traffic.vlan) as vlans from datamodel=Network_Traffic.All_Traffic by All_Traffic.src All_Traffic.app | rename All_Traffic.* AS *";
const S = "| tstats count as c2 values(All_Traffic.dest) as dests max(_time) as lastTime values(All_Traffic.vlan) as vlans from datamodel=Network_Traffic.All_Traffic by All_Traffic.src All_Traffic.user | rename All_Traffic.* AS *";
const MT = "| tstats count from datamodel=Network_Traffic.All_Traffic by _time span=1h All_Traffic.src | rename All_Traffic.* AS *";
const ST = "| tstats dc(All_Traffic.user) as users from datamodel=Network_Traffic.All_Traffic by _time span=1h All_Traffic.app | rename All_Traffic.* AS *";

const PUSHED: readonly string[] = [
  `${M} | join src [${S}]`,
  `${M} | join type=outer src [${S}]`,
  `${M} | join type=left src [${S} | search user=bob]`,
  `${M} | join max=0 src [${S}]`,
  `${M} | join max=2 src [${S}]`,
  `${M} | join src, app [${S} | eval app=if(user="bob", "x", "cmd.exe")]`,
  `${M} | join src [${S} | eval app=user, count=c2]`,
  `${M} | join overwrite=false src [${S} | eval app=user, count=if(c2 > 1, c2, null())]`,
  `${M} | join [${S} | fields src user c2]`,
  `${M} | join nosuch [${S}]`,
  `${M} | join [${S} | fields c2 dests]`,
  `${M} | rename nosuch AS user | join src [${S} | rename nothere AS dests, alsono AS extra]`,
  `${M} | join type=left nosuch [${S}]`,
  `${M} | join src [${S} | search c2 > 1000]`,
  `${M} | join type=left src [${S} | search c2 > 1000]`,
  `${M} | eval srcs=split(src, "0") | join srcs [${S} | eval srcs=split(src, "0")]`,
  `${M} | join src [${S}] | search user=bob OR count > 2 | table src app user c2 dests count`,
  `${M} | join max=0 src [${S}] | dedup src | convert ctime(lastTime) ctime(firstTime)`,
  `${M} | join src [${S} | rename user AS app]`,
  `${MT} | join _time [${ST}]`,
  `${MT} | join type=left _time src [${ST} | rename app AS src]`,
  `${M} | join src [${S}] | join type=left app [${MT} | rename src AS app | eval hour=_time]`,
];

describe.skipIf(!backend)(`join after tstats on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const s = store();
  it.each(PUSHED)("%s", async (q) => {
    await expectPushedSame(q, s, backend!, NOW);
  });
  it("a join that matches keeps every main row and adds the subsearch's fields last", async () => {
    const rows = await expectPushedSame(`${M} | join type=left src [${S}]`, s, backend!, NOW);
    expect(rows.length).toBeGreaterThan(10);
    expect(Object.keys(rows[0] ?? {}).slice(-4)).toEqual(["user", "c2", "dests", "lastTime"]);
    expect(rows.filter((r) => r.c2 !== null).length).toBeGreaterThan(5);
    expect(rows.some((r) => r.src === "010" && r.c2 !== null)).toBe(true);
  });
  it("max=0 repeats a main row once per matching subsearch row, in the subsearch's order", async () => {
    const one = await expectPushedSame(`${M} | join src [${S}]`, s, backend!, NOW);
    const all = await expectPushedSame(`${M} | join max=0 src [${S}]`, s, backend!, NOW);
    expect(all.length).toBeGreaterThan(one.length);
  });
});

const LOCAL: readonly [string, string][] = [
  [`${M} | join usetime=true src [${S}]`, "usetime=true"],
  [`${M} | join left=L right=R where L.src=R.src [${S}]`, "the left=… right=… where … form"],
  [`${M} | join src [| makeresults | eval src="a"]`, "the subsearch stays local"],
  [`${M} | join src [${S} | eval count=user]`, "count is a number on one side and text on the other"],
  [`${M} | join src [${S} | rex field=user "(?<u>b)"]`, "exists only where a row has a value"],
];

describe("join that stays local says why", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const report = compilePushdown(compile(q).plan!.logical, { now: NOW, tz: "UTC" });
    expect(report.stop?.reason).toContain(reason);
  });
});
