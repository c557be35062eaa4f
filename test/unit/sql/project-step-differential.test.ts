// Issue 13: `| table …` and `| fields …` after a pushed tstats or `search | stats` become the
// result's column list (src/sql/compile-project-step.ts) and give exactly the in-memory rows on
// embedded chDB: field order, wildcards over the result's fields, a missing field in table (an
// all-null column) and in fields (skipped), `_`-prefixed fields kept by `fields a` and removed by
// `fields - _x`, the row order kept when the BY fields are left out, and later steps reading the
// projected columns.
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { EventStore } from "../../../src/index.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { expectPushedSame, openChdb } from "./chdb-support.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const TEXT = ["foo", "Foo", "010", "10", "1e1", "", "\u212aey", "😀x", "a\nb", "it's", "\\", "%", "_", "NaN", "-0", "\ud800x"];

function store(): EventStore {
  const s = new EventStore();
  TEXT.forEach((app, i) => {
    const fields: Record<string, string | string[]> = {
      tag: ["network", "communicate"],
      app,
      src: TEXT[(i * 3) % TEXT.length] as string,
      dest: TEXT[(i * 5) % TEXT.length] as string,
      duration: TEXT[(i * 7) % TEXT.length] as string,
      index: "main",
      user: TEXT[(i * 11) % TEXT.length] as string,
    };
    if (i % 3 === 0) fields.vlan = ["x", TEXT[(i * 3) % TEXT.length] as string];
    s.append({ time: 1_700_000_000 + i * 61, fields });
    if (i % 2) s.append({ time: 1_700_000_001 + i * 61, fields });
  });
  return s;
}

const T = "| tstats count min(_time) as firstTime values(All_Traffic.vlan) as vlans sum(All_Traffic.duration) as total from datamodel=Network_Traffic.All_Traffic by All_Traffic.app All_Traffic.src All_Traffic.dest | rename All_Traffic.* AS *";
const S = "| tstats count from datamodel=Network_Traffic.All_Traffic by _time span=1h All_Traffic.app | rename All_Traffic.* AS *";
const E = "index=* | stats count values(user) as users by app src";

const PUSHED: readonly string[] = [
  `${T} | table src app count`,
  `${T} | table count`,
  `${T} | table *`,
  `${T} | table *t*, app`,
  `${T} | table app nosuch count nosuch app`,
  `${T} | table nosuch`,
  `${T} | table App COUNT`,
  `${T} | fields app count`,
  `${T} | fields + count, app, nosuch`,
  `${T} | fields - app`,
  `${T} | fields - count vlans nosuch`,
  `${T} | fields -app`,
  `${T} | fields app*`,
  `${T} | fields - *s*`,
  `${T} | table app count | search count > 1 | eval x=len(app) | where x > 1`,
  `${T} | table count vlans | rename count AS n | table n`,
  `${T} | fields - src dest | convert ctime(firstTime) | table firstTime app`,
  `${T} | table app | eval app=len(app)`,
  `${T} | eval z=1 | table z count | fields - z`,
  `${S} | fields count`,
  `${S} | fields - _time`,
  `${S} | table app count`,
  `${S} | fields - _*`,
  `${S} | table _time count`,
  `${E} | table users count`,
  `${E} | fields - app | search users=f*`,
];

describe.skipIf(!backend)(`table/fields after an aggregate on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const s = store();
  it.each(PUSHED)("%s", async (q) => {
    await expectPushedSame(q, s, backend!, 1_700_100_000);
  });
});

describe("table/fields change no SQL", () => {
  it("a projection keeps the pushed query as it is", () => {
    const sql = (q: string) => compilePushdown(compile(q).plan!.logical, { now: 1_700_100_000, tz: "UTC" }).pushed?.sql;
    expect(sql(`${T} | table count app`)).toBe(sql(T));
    expect(sql(`${T} | fields - app | fields count`)).toBe(sql(T));
  });
});
