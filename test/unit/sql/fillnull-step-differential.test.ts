// Issue 13: `| fillnull` after a pushed tstats (src/sql/compile-fillnull-step.ts) gives exactly the
// in-memory rows on embedded chDB. fillnull reference (help.splunk.com/…/search-commands/fillnull):
// "If you specify a field that didn't previously exist, the field is created. If you do not specify
// a field list, the value is applied to all fields" — all fields that exist ("it must have at least
// one non-null value in the event set"); filled in place, a created field last. With a rex's fields
// (optional-fields.ts): filled only where they exist; a listed one not last stays local.
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { EventStore, runSearchOnBackend } from "../../../src/index.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { expectPushedSame, openChdb } from "./chdb-support.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const NOW = 1_700_100_000;
const VALUES = ["foo", "1x", "2", "", " ", "it's", 'q"uote', "f%o", "f_o", "\\", "\u0130x", "😀", "\ud800x", "010", "1e3", "NaN"];

function store(): EventStore {
  const s = new EventStore();
  VALUES.forEach((app, i) => {
    const fields: Record<string, string | string[]> = { tag: ["network", "communicate"], app, src: VALUES[(i * 3) % VALUES.length] as string };
    if (i % 3 !== 0) fields.vlan = [VALUES[(i * 5) % VALUES.length] as string, "v"];
    if (i % 4 === 0) fields.user = VALUES[(i * 7) % VALUES.length] as string;
    s.append({ time: 1_700_000_000 + i * 61, fields });
  });
  return s;
}

const T = "| tstats count values(All_Traffic.vlan) as vlans values(All_Traffic.user) as user from datamodel=Network_Traffic.All_Traffic by All_Traffic.app All_Traffic.src | rename All_Traffic.* AS *";
const REX = `${T} | rex field=app "^(?<a>[0-9])"`;

const PUSHED: readonly string[] = [
  `${T} | fillnull`,
  `${T} | fillnull value=NULL`,
  `${T} | fillnull value="it's \\"q\\" %_\\\\" vlans nosuch user`,
  `${T} | fillnull value=x v* u*`,
  `${T} | fillnull value=0 count nosuch other`,
  `${T} | eval e=null(), n=if(count > 1, null(), "y"), m=if(count > 1, null(), split(app, "o")) | fillnull value=z`,
  `${T} | eval e=null() | fillnull value=z e`,
  `${T} | search count > 1000 | fillnull value=z`,
  `${T} | search count > 1000 | fillnull value=z nosuch`,
  `${REX} | fillnull value=none`,
  `${REX} | fillnull value=none a`,
  `${REX} | where isnull(a) | fillnull value=none`,
  `${REX} | where isnull(a) | fillnull value=none | search a=none OR count > 0`,
  `${REX} | fillnull value=none vlans | where isnull(a)`,
];

const GUARDED: readonly string[] = [
  `${T} | eval n=if(len(app) > 2, null(), count) | fillnull`,
  `${T} | fillnull value=x nosuch | eval c=if(len(app) > 2, null(), count) | fillnull c`,
];

describe.skipIf(!backend)(`fillnull after tstats on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const s = store();
  it.each(PUSHED)("%s", async (q) => {
    await expectPushedSame(q, s, backend!, NOW);
  });
  it.each(GUARDED)("%s (a number column would take the filler: runs in memory)", async (q) => {
    const r = await runSearchOnBackend(q, s, backend!, { now: NOW });
    expect(r.pushdown.fellBack).toBe(true);
    expect(r.table?.rows().some((row) => Object.values(row).includes("x") || Object.values(row).includes("0"))).toBe(true);
  });
});

const LOCAL: readonly [string, string][] = [
  [`${REX} | eval b=1 | fillnull value=none a`, "whether a exists"],
  [`${REX} | fillnull value=none a*`, "whether a exists"],
];

describe("fillnull that stays local says why", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const report = compilePushdown(compile(q).plan!.logical, { now: NOW, tz: "UTC" });
    expect(report.stop?.reason).toContain(reason);
  });
});
