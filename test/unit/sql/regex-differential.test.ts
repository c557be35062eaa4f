// Issue 13: regexes pushed to ClickHouse (src/sql/regex-re2.ts) — `match()` in where/eval and
// `| regex` after a pushed tstats give exactly the in-memory rows on embedded chDB, over hostile
// values: non-ASCII (İ, the Kelvin sign, ſ), astral characters, lone surrogates (the store makes
// them U+FFFD), \r\n, U+2028, empty text, multivalues, regex metacharacters. A pattern equal only
// on ASCII ((?i)) must send the search back to memory (a guard) when a value is not ASCII, and
// agree on ASCII values.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { EventStore, runSearch } from "../../../src/index.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { isLocalFallback } from "../../../src/sql/guard.js";
import { re2Pattern } from "../../../src/sql/regex-re2.js";
import { openChdb, runPushed, type PushedRun } from "./chdb-support.js";

const { backend, why, close } = await openChdb();

const HOSTILE = [
  "foo", "Foo", "FOO", "\u0130x", "i\u0307x", "\u212aey", "key", "K", "k", "\u017f", "s", "S", "Über", "über", "é", "😀x", "x😀", "😀",
  "\ud800x", "\udc00", "a\r\nb", "a\rb", "a\u2028b", "a\u2029b", "line\n", "\n", "", " ", "a b", "a\tb", "a\u000bb", "a\u00a0b", "a\u0085b",
  "10.1.2.3", "300.1.2.3", "C:\\Windows\\System32\\cmd.exe", "c:\\windows\\temp\\x.bat", "powershell.exe -enc QUJD", "PowerShell -EncodedCommand x",
  "LDAP://cn=alice;1]", "ldap://CN=bob;x]", "x{y}", "{}", "regasm.exe", "REGASM.EXE  ", "rundll32.exe #12", "Device Paired phone",
  "it's", 'q"uote', "f%o", "f_o", "\\", "a|b", "(x)", "[x]", "a.b", "a-b", "user@example.com", "a@b@c", "\u202eevil", "word_1", "é\u0301", "010", "1e3", " 5", "NaN", "-0", "inf",
];

const ASCII = HOSTILE.filter((s) => /^[\x00-\x7f]*$/.test(s));

function store(values: readonly string[]): EventStore {
  const s = new EventStore();
  values.forEach((app, i) => {
    const fields: Record<string, string | string[]> = {
      tag: ["network", "communicate"],
      app,
      src: values[(i * 3) % values.length] as string,
    };
    if (i % 3 !== 0) fields.vlan = [values[(i * 5) % values.length] as string, values[(i * 7) % values.length] as string];
    s.append({ time: 1_700_000_000 + i * 61, fields });
  });
  return s;
}

/** An SPL string literal holding `p` (unquote: `\\` and `\"`). */
const lit = (p: string): string => `"${p.replace(/[\\"]/g, "\\$&")}"`;

const T = "| tstats count values(All_Traffic.vlan) as vlans from datamodel=Network_Traffic.All_Traffic by All_Traffic.app All_Traffic.src | rename All_Traffic.* AS *";

/** Patterns (SPL text): ESCU's shapes and the constructs where the engines could part. */
const PATTERNS: readonly string[] = [
  "^foo$", "foo", "^$", "", ".", "^.$", "^..$", "(?s)^.$", "a.b", "a\\sb", "a\\Sb", "\\s", "\\S", "^\\w+$", "\\W", "\\d", "^\\D+$",
  "\\bkey\\b", "\\Bey", "é\\b", "x$", "(?m)x$", "(?m)^b", "b$", "line$", "^\\n$", "\\r\\n", "a[^x]b", "[^a-z]", "^[\\x{80}-\\x{10ffff}]",
  "\\x{212a}", "\\x{1f600}", "^😀", "😀$", "\\x{fffd}", "[\\x{d7ff}-\\x{e000}]", "\\x{202E}", "Über|über", "[[:alpha:]]+\\.[[:alpha:]]+",
  "(?<dest_ip>\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})", "^\\{[A-Z|\\d]+\\}", "[^@]+@(?<d>[^@]+)", ".*\\\\(?<process_name>.*)$",
  "(?P<x>.*?);", "rundll32.+\\#\\d+", "-enc[odedcommand\\s]+", "(?<json>{.+})", "x{1,2}", "\\{\\}", "a|", "(|a)b", "[]x]", "[a-]", "\\Q.\\E",
  "(?i)foo", "(?i)^k", "(?i)key", "(?i)\\x{212a}", "(?i)[k]", "(?i)[^k]", "(?i)\\W", "(?i)s", "(?i)[a-z]+$", "(?i)regasm\\.exe.{0,4}$",
  "(?i)ldap://(?P<dn>cn.*?);(?P<flag>\\d)\\]", "(?i:FOO)|bar", "a(?i)B|C", "(?i)powershell|(?-i)PowerShell", "(?i)[\\-|\\/|–|—][Ee]",
  "word_1", "_", "(?<a_b>0)", "(?P<dest_ip>\\d+)\\.", "(?:x)|(y)", "(?m:^)1",
];

/** Patterns over values, as where/eval match() and as | regex, on the result's string and multivalue columns. */
function queries(p: string): string[] {
  return [
    `${T} | where match(app, ${lit(p)})`,
    `${T} | regex app=${lit(p)}`,
    `${T} | regex vlans!=${lit(p)}`,
    `${T} | eval m=if(match(vlans, ${lit(p)}), 1, 0), n=if(match(nosuch, ${lit(p)}), 1, 0), s=if(match(src, ${lit(p)}), "y", "n")`,
    `${T} | eval parts=split(app, "o") | regex parts=${lit(p)} | where match(parts, ${lit(p)}) OR count > 0`,
    `${T} | where NOT match(nosuch, ${lit(p)}) AND (NOT match(vlans, ${lit(p)}) OR match(src, ${lit(p)}) XOR match(app, ${lit(p)}))`,
  ];
}

type Outcome = { readonly pushed: PushedRun } | { readonly error: unknown };

/** Each search's pushed run, by store and query: started before the tests, awaited by them. */
const runs = new Map<string, Promise<Outcome>>();
/** The last run started: runs go to chDB one after another, in the order the tests read them. */
let last: Promise<unknown> = Promise.resolve();

/**
 * The pushed run of `q` over `s`, started once, after the runs started before it. They run while
 * the tests compute the in-memory runs: chDB works on its own thread, so the ~500 statements
 * (~8 ms each, most of this file's time) and the JavaScript overlap instead of adding up.
 */
function pushedRun(q: string, s: EventStore): Promise<Outcome> {
  const key = `${s === asciiStore ? "ascii" : "hostile"}\u0000${q}`;
  let run = runs.get(key);
  if (!run) {
    run = last.then(() => runPushed(q, s, backend!)).then((pushed) => ({ pushed }), (error: unknown) => ({ error }));
    runs.set(key, run);
    last = run;
  }
  return run;
}

/** Every search of `patterns` over `s`, queued for chDB at once. */
function startAll(patterns: readonly string[], s: EventStore): void {
  for (const p of patterns) for (const q of queries(p)) void pushedRun(q, s);
}

afterAll(async () => {
  await Promise.all(runs.values());
  await close();
});

/** The search in memory and pushed to chDB: the same fields and rows. */
async function same(q: string, s: EventStore, asciiOnly: boolean): Promise<void> {
  const memory = runSearch(q, s);
  expect(memory.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const done = await pushedRun(q, s);
  if ("error" in done) {
    // Only a pattern equal on ASCII alone may send the search back to memory, and only over non-ASCII values.
    if (isLocalFallback(done.error) && asciiOnly && s !== asciiStore) return;
    throw done.error;
  }
  const { pushed } = done;
  expect(pushed.report.stop).toBeNull();
  expect(pushed.fields).toEqual(memory.table!.fields);
  expect(pushed.rows).toEqual(memory.table!.rows());
}

const hostileStore = store(HOSTILE);
const asciiStore = store(ASCII);

/** The patterns equal only on ASCII values ((?i)…): checked again over a store of ASCII values. */
const ASCII_ONLY = PATTERNS.filter((p) => re2Pattern(p).asciiOnly);

// Every pattern over the hostile values first, then the ASCII-only ones over the ASCII values: a
// store's tables are loaded once per switch of store, so the two stores are not interleaved. The
// pushed runs of a block start before its tests, which compute the in-memory runs meanwhile.
describe.skipIf(!backend)(`regexes after tstats on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  describe("over hostile values", () => {
    beforeAll(() => startAll(PATTERNS, hostileStore));
    it.each(PATTERNS)("%s", async (p) => {
      const { asciiOnly } = re2Pattern(p);
      for (const q of queries(p)) await same(q, hostileStore, asciiOnly);
    });

    it("a (?i) pattern over non-ASCII values sends the search back to memory", async () => {
      await expect(runPushed(`${T} | where match(app, "(?i)foo")`, hostileStore, backend!)).rejects.toSatisfy(isLocalFallback);
    });
  });

  describe("the ASCII-only patterns over ASCII values", () => {
    beforeAll(() => startAll(ASCII_ONLY, asciiStore));
    it.each(ASCII_ONLY)("%s", async (p) => {
      for (const q of queries(p)) await same(q, asciiStore, true);
    });
  });
});

const LOCAL: readonly [string, string][] = [
  [`${T} | where match(app, "(\\\\w)\\\\1")`, "needs backtracking (the backreference"],
  [`${T} | where match(app, "a(?=b)")`, "needs backtracking (lookahead)"],
  [`${T} | regex app="(?<!x)y"`, "lookbehind"],
  [`${T} | where match(app, "\\\\p{L}")`, "the escape \\p"],
  [`${T} | where match(app, "(?U)a+")`, "the flags (?U)"],
  [`${T} | where match(app, src)`, "not a string literal"],
  [`${T} | where match(count, "1")`, "match() of a num (its text)"],
  [`${T} | regex count="1"`, "count is a number"],
  [`${T} | where match(lower(app), "f")`, "match() of lower()"],
  [`${T} | where match(app, "(a{100}){100}")`, "needs backtracking (error parsing regexp: invalid repeat count"],
];

describe("regexes that stay local say why", () => {
  it.each(LOCAL)("%s", (q, reason) => {
    const c = compile(q);
    const report = compilePushdown(c.plan!.logical, { now: 1_700_100_000, tz: "UTC" });
    expect(report.stop?.reason).toContain(reason);
    expect(report.pushed?.nodes).toBe(3);
  });
});
