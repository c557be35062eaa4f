// Issue 13: `| sort …` and `| head N` after a pushed tstats or `search | stats`, as a row number
// over the result's order in SQL (src/sql/compile-sort-step.ts, result-order.ts), give exactly the
// in-memory rows on embedded chDB: numbers by value before text by UTF-16 code unit ("010" and
// "10" tie, kept in the order before), missing values last both ways, `str()`, `desc`, limits,
// multivalue keys by their first value; an address-like key (compared as addresses in memory)
// or a numeric-looking value ClickHouse reads otherwise raises the run-time guard; what stays
// local says why.
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { EventStore } from "../../../src/index.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { isLocalFallback } from "../../../src/sql/guard.js";
import { expectPushedSame, openChdb, runPushed } from "./chdb-support.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const CLEAN = [
  "foo", "Foo", "FOO", "\u0130x", "\u212aey", "key", "Über", "über", "f%o", "f_o", "f\\o", "it's", 'q"uote', "", "😀x", "\uffff", "\ue000",
  "010", "10", "1e1", " 10", "+10", "5", ".5", "abc", "NaN", "Infinity", "-0", "0", "0x10", "a\tb", "a\nb", "0.1", "x*y", "%", "_", "\\",
  "1e999", "-1e999", "\ud800x",
];

function store(text: readonly string[]): EventStore {
  const s = new EventStore();
  text.forEach((app, i) => {
    const fields: Record<string, string | string[]> = {
      tag: ["network", "communicate"],
      app,
      src: text[(i * 3) % 7] as string,
      dest: text[(i * 5) % 4] as string,
      duration: String(i % 4 === 0 ? i : i % 4 === 1 ? -i : i / 4),
      index: "main",
      user: text[(i * 11) % text.length] as string,
    };
    if (i % 3 === 0) fields.ports = [text[(i * 3) % text.length] as string, "x"];
    s.append({ time: 1_700_000_000 + i * 61, fields });
    for (let k = 0; k < i % 3; k++) s.append({ time: 1_700_000_030 + i * 61 + k, fields });
  });
  return s;
}

const T = "| tstats count min(_time) as firstTime values(All_Traffic.vlan) as vlans sum(All_Traffic.duration) as total from datamodel=Network_Traffic.All_Traffic by All_Traffic.app All_Traffic.src All_Traffic.dest | rename All_Traffic.* AS *";
const S = "| tstats count from datamodel=Network_Traffic.All_Traffic by _time span=1h All_Traffic.dest | rename All_Traffic.* AS *";
const E = "index=* | stats count sum(duration) as total by app src dest";
const P = "index=* | stats count by app | eval p=if(count > 1, split(app, \"o\"), null())";

const PUSHED: readonly string[] = [
  `${T} | sort app`,
  `${T} | sort - app`,
  `${T} | sort src, -app`,
  `${T} | sort - count`,
  `${T} | sort 0 count`,
  `${T} | sort 5 - count dest`,
  `${T} | sort limit=3 total`,
  `${T} | sort - total`,
  `${T} | sort str(app)`,
  `${T} | sort -str(src) app`,
  `${T} | sort num(app)`,
  `${T} | sort nosuch`,
  `${T} | sort app d`,
  `${T} | sort count | head 4`,
  `${T} | head 3`,
  `${T} | head 0`,
  `${T} | search count > 1 | sort - count | head 5 | table app count`,
  `${T} | sort - count | dedup src`,
  `${T} | eval c=if(count > 1, null(), count) | sort c`,
  `${T} | eval c=if(count > 1, null(), count) | sort - c`,
  `${T} | eval y=1e308 * 10 - 1e308 * 10, z=if(count > 1, y, count) | sort z`,
  `${T} | eval y=1e308 * 10 - 1e308 * 10, z=if(count > 1, y, count) | sort - z`,
  `${S} | sort - count`,
  `${S} | head 2`,
  `${E} | sort - total`,
  `${E} | sort total | head 10`,
  `${P} | sort p`,
  `${P} | sort - p`,
];

const GUARDED: readonly [string, readonly string[]][] = [
  [`${T} | sort app`, [...CLEAN, "10.0.0.1", "9.0.0.1"]],
  [`${T} | sort app`, [...CLEAN, "fe80::1"]],
];

const LOCAL: readonly [string, string][] = [
  [`${T} | sort vlans`, "values() list"],
  [`${T} | sort str(count)`, "JavaScript's number text"],
  [`${T} | head (count > 1)`, "head (<eval-expression>)"],
  [`${T} | convert ctime(firstTime) | sort firstTime`, "convert ctime"],
];

describe.skipIf(!backend)(`sort/head after an aggregate on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const s = store(CLEAN);
  it.each(PUSHED)("%s", async (q) => {
    await expectPushedSame(q, s, backend!, 1_700_100_000);
  });

  it.each(GUARDED)("%s (guarded: runs in memory)", async (q, text) => {
    const e = await runPushed(q, store(text), backend!).then(() => null, (x: unknown) => x);
    expect(isLocalFallback(e)).toBe(true);
  });
});

describe("sort/head after an aggregate that stays local says why", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const report = compilePushdown(compile(q).plan!.logical, { now: 1_700_100_000, tz: "UTC" });
    expect(report.stop?.reason).toContain(reason);
  });
});
