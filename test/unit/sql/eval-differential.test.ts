// Issue 13: `| where …` and `| eval …` after a pushed tstats, compiled to SQL over its result
// (src/sql/compile-eval.ts) and run on embedded chDB, give exactly the in-memory rows; and what
// stays local says why. Values: nulls, multivalues (values() sets), numeric-looking text, NaN,
// hostile text (quotes, backslashes, LIKE metacharacters, non-ASCII, astral characters).
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { EventStore } from "../../../src/index.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { expectPushedSame, openChdb } from "./chdb-support.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const TEXT = [
  "foo", "Foo", "FOO", "\u0130x", "i\u0307x", "\u212aey", "key", "K", "Über", "f%o", "f_o", "f\\o", "it's", 'q"uote', "", "über", "\u212a", "😀x", "\uffff", "\ue000", "010", "10", "1e1",
  " 10", "+10", "5", ".5", "abc", "\ud800x", "\udc00", "\ud83d\ude00", "NaN", "nan", "Infinity", "1e999", "-0", "0", "0x10", "a\tb", "0.1", "9007199254740993", "x*y", "%", "_", "\\",
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
    };
    if (i % 4 !== 0) fields.protocol = i % 4 === 1 ? "tcp" : i % 4 === 2 ? "10" : "UDP";
    if (i % 5 === 0) fields.vlan = ["x", TEXT[(i * 3) % TEXT.length] as string];
    s.append({ time: 1_700_000_000 + i * 61, fields });
  });
  return s;
}

const T = "| tstats count min(_time) as firstTime values(All_Traffic.vlan) as vlans dc(All_Traffic.dest) as dests sum(All_Traffic.duration) as total from datamodel=Network_Traffic.All_Traffic by All_Traffic.app All_Traffic.src All_Traffic.dest | rename All_Traffic.* AS *";
const P = "| tstats count values(All_Traffic.protocol) as protocol from datamodel=Network_Traffic.All_Traffic by All_Traffic.app | rename All_Traffic.* AS *";

const PUSHED: readonly string[] = [
  `${T} | where coalesce(vlans, app) = "x" OR coalesce(vlans, app) = "K"`,
  `${T} | where count >= 1`,
  `${T} | where count > 1`,
  `${T} | where src != dest`,
  `${T} | where src = dest`,
  `${T} | where src < dest`,
  `${T} | where app >= "5"`,
  `${T} | where app > 5`,
  `${T} | where app <= "f"`,
  `${T} | where app = 10`,
  `${T} | where app == "10"`,
  `${T} | where app != "foo" AND NOT src = "abc"`,
  `${T} | where app = "foo" OR app = "Foo" XOR src = "abc"`,
  `${T} | where isnotnull(vlans)`,
  `${T} | where isnull(vlans) AND isnotnull(total)`,
  `${T} | where total > 5`,
  `${T} | where total = total`,
  `${T} | where total < total OR total >= 1e999`,
  `${T} | where total != 10`,
  `${T} | where vlans = "x"`,
  `${T} | where vlans != "x"`,
  `${T} | where vlans > app`,
  `${T} | where app IN ("foo", "10", 5, "")`,
  `${T} | where NOT app IN ("foo", "f%o")`,
  `${T} | where like(app, "f%")`,
  `${T} | where like(app, "f_o") OR like(vlans, "%x%")`,
  `${T} | where app LIKE "%\\\\%"`,
  `${T} | where app`,
  `${T} | where total`,
  `${T} | where vlans`,
  `${T} | where len(app) > 2`,
  `${T} | where mvcount(vlans) >= 2`,
  `${T} | where nosuch = 1 OR isnull(nosuch)`,
  `${T} | where if(count > 1, "y", "") `,
  `${T} | where case(app = "foo", 1, src = "abc", 0, true(), 1) = 1`,
  `${T} | where coalesce(nosuch, src, app) = "x" OR coalesce(vlans, null()) = "x"`,
  `${T} | eval n=len(app), m=mvcount(vlans), k=if(count > 1, "many", "one")`,
  `${T} | eval gtime=firstTime, app=src, c=coalesce(total, count)`,
  `${T} | eval v=vlans, w=if(isnull(vlans), null(), vlans), t=case(src="abc", "a", dest="5", "b")`,
  `${T} | eval app=len(src) | where app > 1`,
  `${T} | where count > 0 | eval x=if(like(dest, "%o%"), 1, 0) | convert timeformat="%Y-%m-%d" ctime(firstTime)`,
  `${T} | eval b=if(app="foo", true(), false()), n=null(), z=-3`,
  `${T} | where firstTime > 1700000100 AND firstTime != dests`,
  `${T} | where app < "Ä" OR app > "\ue000"`,
  `${P} | where protocol = "tcp" OR protocol = 10`,
  "| tstats count sum(All_Traffic.duration) as s from datamodel=Network_Traffic.All_Traffic | where count > 5 AND s > 0 | eval c=count, d=if(s > 100, s, null())",
  "| tstats count from datamodel=Network_Traffic.All_Traffic by _time span=1h | eval gtime=_time, h=if(_time >= 1700001000, 1, 0) | where _time != 1700000000 | rename gtime AS g",
  `${T} | rename nosuch AS zz | where isnull(zz) AND zz != 1 | eval zz=if(isnull(zz), "none", zz) | search *`,
  `${T} | eval y=1e308 * 10 - 1e308 * 10, z=1e308 * 10 | eval a=if(y = y, 1, 0), b=if(y > 5, 1, 0), c=if(y < 5, 1, 0), d=if(y != 1, 1, 0), e=if(y >= z, 1, 0), f=if(z >= z, 1, 0), g=if(z > z, 1, 0), h=if(z = z, 1, 0), i=if(y != z, 1, 0), j=if(z > 5, 1, 0), k=if(z < y, 1, 0), l=if(y, 1, 0), m=if(z != y, 1, 0), n=if(y <= y, 1, 0)`,
  `${T} | where total > 1e300 OR total < -1e300 OR total = 0 OR total >= 10.5`,
  `${T} | eval u=if(like(lower(app), "%o%"), 2, 0), k=if(like(lower(src), "k%") OR lower(dest) = "foo", 1, 0) | where like(lower(app), "_x") OR lower(app) != "key"`,
  `${T} | where lower(vlans) = "x" OR like(lower(vlans), "%ix") OR isnotnull(lower(nosuch)) OR lower(app) IN ("foo", "k")`,
  `${T} | eval first=mvindex(split(app, "o"), 0), last=mvindex(split(app, "o"), -1), none=mvindex(split(app, "o"), 5), c=mvindex(count, 0), d=mvindex(src, -2), e=mvindex(split(src, "1"), -2)`,
  `${T} | where mvindex(split(app, "o"), 1) = "" OR mvindex(lower(split(app, "o")), 0) = "f"`,
  `${T} | eval n=(mvcount(split(app, "o")) - 1) + (mvcount(split(vlans, "x")) - 1), p=split(src, "%"), q=if(count > 1, vlans, null())`,
  `${T} | eval a=len(app) * 3 - 10, b=len(app) / 2, c=len(app) % 3, d=len(src) / (len(app) - 3), e=-len(dest), f=if(count > 1, len(app), 7) * 2`,
  `${T} | where len(app) % 2 = 1 AND mvcount(split(dest, "0")) > 1`,
  `${T} | eval x=9007199254740993 + 1, y=1e308 * 10 - 1e308 * 10, z=(1e308 * 10 - 1e308 * 10) / 0, w=-(1e308 * 10 - 1e308 * 10)`,
  `${T} | eval x=nosuch, y=null(), count=app | rename nosuch AS dests | eval d=dests, e=len(d)`,
  `${T} | where isnotnull(src) | eval src=len(src), total=coalesce(total, 0) | where src >= 1 AND total >= 0 | convert ctime(firstTime)`,
  `${P} | eval p=mvcount(protocol), q=protocol | where p > 0`,
];

const LOCAL: readonly [string, string][] = [
  [`${T} | where match(app, "f(?=o)")`, "a regex that needs backtracking (lookahead)"],
  [`${T} | eval x=split(app, "")`, "split() by a delimiter"],
  [`${T} | eval x=lower(count)`, "lower() of a num"],
  [`${T} | where lower(app) > "f"`, "lower() compared"],
  [`${T} | where like(lower(app), "ü%")`, "non-ASCII pattern"],
  [`${T} | eval x=mvindex(vlans, 0)`, "values() set (its order)"],
  [`${T} | eval x=mvindex(split(app, "o"), 0, 1)`, "mvindex() other than"],
  [`${T} | eval x=upper(count)`, "upper() of a num"],
  [`${T} | eval x=split(vlans, "1")`, "a list made from a values() set"],
  [`${T} | eval x=if(count > 1, vlans, split(app, "o"))`, "a list made from a values() set"],
  [`${T} | eval x=1.50`, "stored to its precision"],
  [`${T} | where count = app`, "comparing a number with text"],
  [`${T} | where count = "abc"`, "comparing a number with text"],
  [`${T} | where app LIKE "f_o"`, "UTF-16 code unit"],
  [`${T} | eval {app}=1`, "a field name from data"],
  [`${T} | where coalesce(vlans, 1) = "x"`, "branches of different types"],
  [`${T} | eval x=app . count`, "the . operator over a number"],
];

describe.skipIf(!backend)(`where/eval after tstats on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const s = store();
  it.each(PUSHED)("%s", async (q) => {
    await expectPushedSame(q, s, backend!, 1_700_100_000);
  });
});

describe("where/eval that stays local says why", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const c = compile(q);
    const report = compilePushdown(c.plan!.logical, { now: 1_700_100_000, tz: "UTC" });
    expect(report.stop?.reason).toContain(reason);
    expect(report.pushed?.nodes).toBe(3);
  });
});
