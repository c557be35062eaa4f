/**
 * foreach's fast path (src/commands/foreach-fast.ts) runs each instance from one parse of the
 * template instead of compiling its substituted text. The textual path stays the reference: every
 * case here runs both ways and must give the same fields, rows and diagnostics. The fast runs
 * also tokenize each instance (`verifyLexing`) and fail on a disagreement with the lexing argument.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { foreachFastPath, instantiate, sentinelTemplate } from "../../../src/commands/foreach-fast.js";
import { parseSearch } from "../../../src/frontend.js";

interface Outcome {
  readonly fields: readonly string[] | null;
  readonly rows: readonly Record<string, unknown>[] | null;
  readonly diagnostics: readonly unknown[];
}

function runWith(q: string, fast: boolean): Outcome & { readonly fastRuns: number; readonly textualRuns: number } {
  const saved = { enabled: foreachFastPath.enabled, verifyLexing: foreachFastPath.verifyLexing };
  const before = { fast: foreachFastPath.fast, textual: foreachFastPath.textual };
  foreachFastPath.enabled = fast;
  foreachFastPath.verifyLexing = true;
  try {
    const r = runSearch(q, new EventStore(), { now: 1_700_000_000 });
    return {
      fields: r.table ? [...r.table.fields] : null,
      rows: r.table ? Array.from({ length: r.table.length }, (_, i) => r.table!.row(i)) : null,
      diagnostics: r.diagnostics,
      fastRuns: foreachFastPath.fast - before.fast,
      textualRuns: foreachFastPath.textual - before.textual,
    };
  } finally {
    Object.assign(foreachFastPath, saved);
  }
}

/** Runs `q` both ways, expects the same outcome and no internal error; returns the fast run's counts. */
function same(q: string): { fastRuns: number; textualRuns: number; outcome: Outcome } {
  const slow = runWith(q, false);
  const fast = runWith(q, true);
  expect(fast.diagnostics.filter((d) => (d as { code?: string }).code === "internal")).toEqual([]);
  expect({ fields: fast.fields, rows: fast.rows, diagnostics: fast.diagnostics }).toEqual({ fields: slow.fields, rows: slow.rows, diagnostics: slow.diagnostics });
  expect(slow.fastRuns).toBe(0);
  return { fastRuns: fast.fastRuns, textualRuns: fast.textualRuns, outcome: fast };
}

/** Plain identifiers (the fast path's values), with "null" strings, numbers and a missing value. */
const PLAIN = `| makeresults count=2 | streamstats count AS n | eval a_x=if(n=1, "null", "7"), a_y=n*3, b_z="null", word="hello", e5=2, ABC="up", x1=null()`;
/** Names the fast path must leave to the textual path: keywords, command names, directive names, punctuation. */
const HOSTILE = `${PLAIN} | eval 'AND'=1, 'by'=2, 'eval'=3, 'stats'=4, 'CASE'=5, 'TERM'="t", 'search'=6, 'like'=7, 'IN'=8, 'And'=9, 'a-b'=10, 'a.b'=11, 'a b'=12, 'where'=13`;

const TEMPLATES: readonly string[] = [
  `foreach * [eval <<FIELD>> = if(<<FIELD>>="null", null(), <<FIELD>>)]`,
  `foreach * [eval '<<FIELD>>' = if('<<FIELD>>'="null", null(), '<<FIELD>>')]`,
  `foreach a_* [eval 'desc_<<MATCHSTR>>' = "<<MATCHSTR>> higher than average", q="\\"<<FIELD>>\\" and \\\\<<FIELD>>"]`,
  `foreach a_* [eval new_<<MATCHSTR>> = '<<FIELD>>' . "!"]`,
  `foreach * [eval 'cat_<<FIELD>>' = <<FIELD>>.x]`,
  `foreach a_* b_* [rename <<FIELD>> AS x_<<FIELD>>]`,
  `foreach a_y e5 [eval <<FIELD>>=<<FIELD>>*2]`,
  `foreach * [fillnull value=0 <<FIELD>>]`,
  `foreach * [eval c_<<FIELD>>=case(<<FIELD>>="null", "was null", <<FIELD>>>1, "big", true(), "other")]`,
  `foreach *_* [eval 'seg_<<FIELD>>'="[<<MATCHSEG1>>|<<MATCHSEG2>>|<<MATCHSEG3>>]"]`,
  `foreach * [search <<FIELD>>!="null"]`,
  `foreach a_* [where isnotnull(<<FIELD>>) AND <<FIELD>>!="zz"]`,
  `foreach * [eval l_<<FIELD>>=len(tostring(<<FIELD>>)) | eval s_<<FIELD>>='l_<<FIELD>>' + 1]`,
  // A number glued before the value (\`1e5\`) and \`<<\` + value + \`>>\` (a placeholder for ABC): tokenized.
  `foreach * [search n=1<<FIELD>> OR n>0]`,
  `foreach * [search x=a(<<<<FIELD>>>>) OR n>0]`,
  // Empty MATCHSTR (no wildcard) and MATCHSEG: in strings, names and after an identifier part; not after a backslash.
  `foreach a_y e5 [eval 'm_<<FIELD>>'="<<MATCHSTR>>", n_<<FIELD>><<MATCHSTR>>=1, '<<MATCHSTR>>'=2]`,
  `foreach a_y e5 [eval 'q_<<FIELD>>'="\\<<MATCHSTR>>"]`,
  `foreach * [eval <<MATCHSTR>>_1=1]`,
  `foreach * [eval t_<<FIELD>>="<<<<FIELD>>>>"]`,
  `foreach * fieldstr="#F#" [eval '#F#_3'='#F#' * 3]`,
  `foreach * matchstr=MS [eval MS_copy='<<FIELD>>']`,
  `foreach a* [eval r_<<FIELD>> = <<MATCHSTR>>]`,
  `foreach * [eval u_<<FIELD>> = upper(<<FIELD>>), k = coalesce(k, "") . "<<FIELD>>,"]`,
  `foreach * [eval w_<<FIELD>> = nosuchfn(<<FIELD>>)]`,
];

describe("foreach's fast path gives the textual path's results", () => {
  it.each(TEMPLATES)("over identifier fields: %s", (template) => {
    same(`${PLAIN} | ${template}`);
  });

  it.each(TEMPLATES)("over keyword, command and punctuated fields: %s", (template) => {
    same(`${HOSTILE} | ${template}`);
  });

  it("takes the fast path for plain identifiers and the textual path for the other names", () => {
    const { fastRuns, textualRuns } = same(`${HOSTILE} | foreach * [eval '<<FIELD>>' = if('<<FIELD>>'="null", null(), '<<FIELD>>')]`);
    // _time is left alone; a_x a_y b_z word e5 ABC n are plain, the 14 others are not; x1 is
    // null in every result, so no instance runs for it (foreach-rows.ts).
    expect({ fastRuns, textualRuns }).toEqual({ fastRuns: 7, textualRuns: 14 });
  });

  it("runs a template whose check fails through the textual path, with the same error", () => {
    // `\\k` is no valid regex escape: the instance for field k fails rex's check.
    const { outcome, fastRuns, textualRuns } = same(`| makeresults | eval k=1 | foreach * [rex field=_raw "(?<g>\\\\<<FIELD>>)"]`);
    expect({ fastRuns, textualRuns }).toEqual({ fastRuns: 0, textualRuns: 1 });
    expect(outcome.diagnostics.some((d) => (d as { message: string }).message.includes("generated search"))).toBe(true);
  });
});

describe("foreach's fast path, property", () => {
  // Enough letters for keywords (and, by), exponents (1E5) and placeholders (<<E>>).
  const NAME_CHARS = ["a", "b", "E", "n", "d", "y", "0", "1", "5", "_", "-", ".", " "];
  const name = fc.array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 5 }).map((xs) => xs.join(""))
    .filter((s) => !s.startsWith("_") && s.trim() === s);
  const PROPERTY_TEMPLATES = [
    `foreach * [eval <<FIELD>> = if(<<FIELD>>="null", null(), <<FIELD>>)]`,
    `foreach * [eval 'n_<<FIELD>>' = '<<FIELD>>' . "<<MATCHSTR>> text"]`,
    `foreach * [search x=1<<FIELD>> OR n_<<FIELD>>=a(<<<<FIELD>>>>) OR "<<FIELD>>"="null"]`,
    `foreach * [rename <<FIELD>> AS r_<<FIELD>>]`,
    `foreach * [search <<FIELD>>="null" OR <<FIELD>>=2]`,
  ];

  it("gives the same fields, rows and diagnostics both ways for random field names", () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 5 }), fc.constantFrom(...PROPERTY_TEMPLATES), (names, template) => {
        const assigns = names.map((n, i) => `'${n}'=${i % 2 === 0 ? `"null"` : String(i)}`).join(", ");
        same(`| makeresults | eval ${assigns} | ${template}`);
      }),
      { seed: 20_261_207, numRuns: 300 },
    );
  });
});

describe("an instance's AST", () => {
  const TOKENS = ["<<FIELD>>", "<<MATCHSTR>>", "<<MATCHSEG1>>", "<<MATCHSEG2>>", "<<MATCHSEG3>>"];
  const tokenRe = /<<FIELD>>|<<MATCHSTR>>|<<MATCHSEG1>>|<<MATCHSEG2>>|<<MATCHSEG3>>/g;
  const TEXTS = [
    `| eval <<FIELD>> = if((<<FIELD>> = "null"), null(), <<FIELD>>)`,
    `| eval 'new_<<MATCHSTR>>' = ('<<FIELD>>' * 10), d = "<<MATCHSTR>> higher than \\<<FIELD>> \\"x\\""`,
    `| rename <<FIELD>> AS x_<<FIELD>> | fillnull value=0 <<FIELD>> | stats count(<<FIELD>>) AS n_<<MATCHSEG1>> BY <<FIELD>>`,
    `x=<<FIELD>>* OR y IN (<<FIELD>>, "<<MATCHSTR>>") NOT <<MATCHSEG1>><<MATCHSEG2>>=1 | where <<FIELD>>.x > 1`,
    `x=1<<FIELD>> a(<<<<FIELD>>>>) | eval c = case(<<FIELD>> = 1, "a", true(), <<MATCHSTR>>_1)`,
  ];
  const VALUES = [["abc", "bc", "b", "c", ""], ["e5", "E5", "E", "5", ""], ["ABC", "", "", "", ""], ["count", "x_y", "x", "y", "z"], ["x", "search", "by", "AND", "eval"]];

  it.each(TEXTS)("is the one parseSearch builds from the instance text: %s", (template) => {
    const tpl = sentinelTemplate(template, TOKENS, tokenRe);
    expect(tpl).not.toBeNull();
    let built = 0;
    for (const vals of VALUES) {
      const valueOf = (tok: string) => vals[TOKENS.indexOf(tok)] as string;
      const text = template.replace(tokenRe, valueOf);
      const ast = instantiate(tpl!, valueOf, () => text);
      if (ast) built++;
      if (ast) expect(ast).toEqual(parseSearch(text, { name: "generated search" }).pipeline);
    }
    expect(built).toBeGreaterThan(0);
  });
});

describe("foreach's fast path at scale", () => {
  it("runs 5,000 fields without compiling an instance's text", () => {
    const n = 5000;
    const assigns = Array.from({ length: n }, (_, i) => `f${i}=${i % 3 === 0 ? `"null"` : String(i)}`).join(", ");
    const before = { fast: foreachFastPath.fast, textual: foreachFastPath.textual };
    const r = runSearch(`| makeresults | eval ${assigns} | foreach f* [eval <<FIELD>> = if(<<FIELD>>="null", null(), <<FIELD>>)]`, new EventStore(), { now: 1_700_000_000 });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect({ fast: foreachFastPath.fast - before.fast, textual: foreachFastPath.textual - before.textual }).toEqual({ fast: n, textual: 0 });
    const row = r.table!.row(0);
    expect([row.f0, row.f1, row.f2, row.f3, row.f4999]).toEqual([undefined, 1, 2, undefined, 4999]);
  });
});
