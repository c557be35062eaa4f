// Issue 13: `| rex` after a pushed tstats (src/sql/compile-rex-step.ts) gives exactly the
// in-memory rows and fields on embedded chDB: the first match of the first matching value (or the
// first max_match matches over the values), fields
// created only when some row matched (none at all over no rows), in the pattern's order; over
// hostile values (non-ASCII, astral, U+FFFD from lone surrogates, line breaks, empty text).
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { EventStore, runSearch } from "../../../src/index.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { isLocalFallback } from "../../../src/sql/guard.js";
import { openChdb, runPushed } from "./chdb-support.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const VALUES = [
  "10.1.2.3", "300.1.2.3 and 4.5.6.7", "C:\\Windows\\System32\\cmd.exe", "c:\\temp\\", "\\", "user@example.com", "a@b@c", "@",
  "LDAP://cn=alice;1]", "ldap://CN=bob;2] x", "x{y}", "{}", "GET /a?b HTTP/1.1", "", " ", "a\r\nb", "a\u2028b", "line\n", "xyyy", "x",
  "\u0130x", "\u212aey", "\u017f", "über", "😀x@😀", "\ud800x", "é@é", "foo", "Foo",
];
const ASCII = VALUES.filter((s) => /^[\x00-\x7f]*$/.test(s));
/** Text that orders the same by UTF-16 unit and by UTF-8 byte (nothing from U+E000 up; a lone surrogate reads U+FFFD). */
const EARLY = VALUES.filter((s) => !/[\ue000-\uffff\ud800-\udfff]/.test(s));

function store(values: readonly string[]): EventStore {
  const s = new EventStore();
  values.forEach((app, i) => {
    const fields: Record<string, string | string[]> = { tag: ["network", "communicate"], app, src: values[(i * 3) % values.length] as string };
    if (i % 3 !== 0) fields.vlan = [values[(i * 5) % values.length] as string, values[(i * 7) % values.length] as string];
    s.append({ time: 1_700_000_000 + i * 61, fields });
  });
  return s;
}

const T = "| tstats count values(All_Traffic.vlan) as vlans from datamodel=Network_Traffic.All_Traffic by All_Traffic.app All_Traffic.src | rename All_Traffic.* AS *";

/** Which values may send a query back to memory: non-ASCII ((?i) patterns), or from U+E000 up (values() set order). */
type Fallback = "ascii" | "late";

const PUSHED: readonly [string, Fallback?][] = [
  [`${T} | rex field=app "(?<a>\\\\d+)\\\\.(?<b>\\\\d+)"`],
  [`${T} | rex field=app "(?<all>.*)"`],
  [`${T} | rex field=app "x(?<ys>y*)"`],
  [`${T} | rex field=app "(?<z>zzzz)"`],
  [`${T} | rex field=app ".*\\\\\\\\(?<process_name>.*)$"`],
  [`${T} | rex field=app "[^@]+@(?<d>[^@]+)"`],
  [`${T} | rex field=app "^(?<m>\\\\S+)\\\\s(?<u>\\\\S+)"`],
  [`${T} | rex field=app "(?<json>{.+})"`],
  [`${T} | rex field=app "(?<first>.)(?<rest>(?s).*)$"`],
  [`${T} | rex field=app "(?i)ldap://(?P<dn>cn.*?);(?P<flag>\\\\d)\\\\]"`, "ascii"],
  [`${T} | rex field=nosuch "(?<q>.)"`],
  [`${T} | rex "(?<q>.)"`],
  [`${T} | where count > 100 | rex field=app "(?<q>.)"`],
  [`${T} | eval parts=split(app, "@") | rex field=parts "(?<p>[a-z]+)"`],
  [`${T} | eval parts=split(app, "@") | rex field=parts "^(?<p>[^a-z]*)$"`],
  [`${T} | rex field=app max_match=0 "(?<d>\\d+)"`],
  [`${T} | rex field=app "(?<z>zzzz)" | rex field=app "(?<a>.)" | rex field=z "(?<zz>.)" | rex field=a max_match=0 "(?<aa>.)"`],
  [`${T} | rex field=app "^(?<a>[0-9])" | rex field=app "@(?<b>.)"`],
  // Steps after a rex (optional-fields.ts): its fields exist when some row matched right after it,
  // also when a later filter drops every such row (the presence query), and none exist over no rows.
  [`${T} | rex field=app "^(?<a>[0-9])" | where isnotnull(a)`],
  [`${T} | rex field=app "^(?<a>[0-9])" | where isnull(a)`],
  [`${T} | rex field=app "^(?<a>[0-9])" | search count > 1000`],
  [`${T} | search count > 1000 | rex field=app "^(?<a>[0-9])" | where isnull(a)`],
  [`${T} | rex field=app "^(?<a>[0-9])" | rex field=app "@(?<b>.)" | search b=* | eval b=lower(b), c=a`, "ascii"],
  [`${T} | rex field=app "^(?<a>[0-9])" | rename app AS a`],
  [`${T} | rex field=app "^(?<a>[0-9])" | eval a=a."!", c=a, d=if(isnull(a), "none", a)`],
  [`${T} | rex field=app max_match=0 "(?<d>\d+)" | where mvcount(d) > 1 | rename d AS digits, app AS process`],
  [`${T} | rex field=app "^(?<a>[0-9])" | rex field=src "(?<b>[a-z])" | fields - a* | table *`],
  [`${T} | rex field=app "^(?<a>[0-9])" | dedup src | sort - count | head 3 | table app src count`],
  [`${T} | rex field=app "^(?<a>[0-9])" | regex app="^[0-9]" | convert ctime(count)`],
  // A values() set in its shown order (a value from U+E000 up sends the search back to memory).
  [`${T} | rex field=vlans "(?<v>[a-z]+)"`, "late"],
  [`${T} | rex field=vlans max_match=0 "(?<v>[^a-z])"`, "late"],
  [`${T} | rex field=app max_match=2 "(?<d>\\d+)\\.(?<e>\\d)"`],
  [`${T} | rex field=app max_match=0 "\\b(?<w>\\w+)\\b"`],
  [`${T} | rex field=app max_match=0 "^(?<f>.)"`],
  [`${T} | rex field=app max_match=0 "(?<c>.)"`],
  [`${T} | rex field=app max_match=0 "(?<x>x)(?<ys>y*)"`],
  [`${T} | rex field=app max_match=3 "(?i)(?<l>[a-z])"`, "ascii"],
  [`${T} | eval parts=split(app, "@") | rex field=parts max_match=3 "(?<p>[a-z])"`],
  [`${T} | eval parts=split(app, "@") | rex field=parts max_match=0 "(?<p>[^a-z]+)"`],
];

async function same(q: string, s: EventStore, mayFallBack: boolean): Promise<void> {
  const memory = runSearch(q, s);
  expect(memory.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  let pushed;
  try {
    pushed = await runPushed(q, s, backend!);
  } catch (e) {
    if (isLocalFallback(e) && mayFallBack) return;
    throw e;
  }
  expect(pushed.report.stop).toBeNull();
  expect(pushed.fields).toEqual(memory.table!.fields);
  expect(pushed.rows).toEqual(memory.table!.rows());
}

const hostileStore = store(VALUES);
const earlyStore = store(EARLY);
const asciiStore = store(ASCII);

describe.skipIf(!backend)(`rex after tstats on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  it.each(PUSHED)("%s", async (q, fallback) => {
    await same(q, hostileStore, fallback !== undefined);
    await same(q, earlyStore, fallback === "ascii");
    await same(q, asciiStore, false);
  });
});

const LOCAL: readonly [string, string][] = [
  [`${T} | rex field=app "(?<a>x)?y"`, "may take no part"],
  [`${T} | rex field=app "(?<a>x)|(?<b>y)"`, "may take no part"],
  [`${T} | rex field=app max_match=0 "(?<a>x*)"`, "can match empty text"],
  [`${T} | rex field=app offset_field=o "(?<a>x)"`, "offset_field"],
  [`${T} | rex field=app mode=sed "s/a/b/"`, "mode=sed"],
  [`${T} | rex field=count "(?<a>1)"`, "count is a number"],
  [`${T} | rex field=app "(?<src>.)"`, "names a field the rows have"],
  [`${T} | rex field=app "(?<a>a)(?=b)"`, "needs backtracking"],
  [`${T} | rex field=app "(?<a>.)" | eval b=1 | eval a=1`, "whether a exists"],
  [`${T} | rex field=app "(?<a>.)" | table app a`, "its columns depend on whether a exist"],
  [`${T} | rex field=app "(?<a>.)" | rename a AS app`, "its columns depend on whether a exist"],
  [`${T} | rex field=app "(?<a>.)" | dedup a`, "whether a exists"],
  [`${T} | rex field=app "(?<a>.)" | stats count by a`, "| stats after a rex's or lookup's new fields"],
  [`${T} | rex field=app "(?<a>.)" | rex field=src "(?<a>.)"`, "names a field the rows have"],
  // 12 groups, each writing a 1.5 kB pattern several times: the SQL would grow past the step budget.
  [`${T} | rex field=app "${"x".repeat(1500)}${Array.from({ length: 12 }, (_, i) => `(?<g${i}>a)`).join("")}"`, "bytes of SQL"],
];

describe("rex that stays local says why", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const c = compile(q);
    const report = compilePushdown(c.plan!.logical, { now: 1_700_100_000, tz: "UTC" });
    expect(report.stop?.reason).toContain(reason);
  });
});
