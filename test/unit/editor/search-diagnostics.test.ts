/** searchDiagnostics: the pipeline's own diagnostics, placed on the search text (table-driven). */
import { describe, expect, it } from "vitest";
import { MacroTable, builtinMacros, searchDiagnostics } from "../../../src/index.js";
import { mark, type Marked } from "../../support/mark.js";

const macros = builtinMacros().with([
  { name: "bad_inner", args: [], definition: "| statz count", origin: "test/macros/bad_inner.yml" },
  { name: "outer", args: [], definition: "| makeresults `bad_inner`", origin: "test/macros/outer.yml" },
]);

interface Case {
  readonly name: string;
  readonly q: Marked;
  readonly code: string;
  readonly message: RegExp;
  readonly hints?: readonly string[];
  readonly backtrace?: readonly RegExp[];
  readonly macros?: MacroTable;
}

const CASES: readonly Case[] = [
  { name: "an unknown command, with its did-you-mean", q: mark`| makeresults | ${"statz"} count`, code: "unknown-command", message: /unknown command "statz"/, hints: ['did you mean "stats"?'] },
  { name: "an unknown function", q: mark`| makeresults | eval x=${"lowr"}("A")`, code: "unknown-function", message: /lowr/ },
  { name: "an undefined macro", q: mark`| makeresults | ${"`nope`"}`, code: "unknown-macro", message: /nope/ },
  { name: "an unterminated string", q: mark`| makeresults | eval x=${"\""}abc`, code: "unterminated-string", message: /string/ },
  {
    name: "a problem two macros deep, on the outermost call, with the chain outermost first",
    q: mark`${"`outer`"} | head 1`,
    code: "unknown-command",
    message: /statz/,
    macros,
    backtrace: [/^in macro outer, called at query:1:1$/, /^in macro bad_inner, called at macro outer:1:15$/],
  },
];

describe("searchDiagnostics", () => {
  it.each(CASES)("$name", (c) => {
    const ds = searchDiagnostics(c.q.code, c.macros ? { macros: c.macros } : {});
    const d = ds[0];
    expect(d, JSON.stringify(ds)).toBeDefined();
    if (!d) return;
    expect(d.code).toBe(c.code);
    expect(d.severity).toBe("error");
    expect(d.message).toMatch(c.message);
    expect(c.q.code.slice(d.from, d.to)).toBe(c.q.code.slice(c.q.spans[0]?.start, c.q.spans[0]?.end));
    if (c.hints) expect(d.hints).toEqual(c.hints);
    if (c.backtrace) {
      expect(d.backtrace).toHaveLength(c.backtrace.length);
      c.backtrace.forEach((re, i) => expect(d.backtrace[i]).toMatch(re));
      expect(d.macros).toEqual(c.backtrace.map((re) => /in macro (\S+),/.exec(re.source)?.[1]));
    } else {
      expect(d.backtrace).toEqual([]);
      expect(d.macros).toBeUndefined();
    }
    expect(d.rendered).toContain(`error[${c.code}]: ${d.message}`);
  });

  it("renders as the CLI does: location, caret and hint", () => {
    const [d] = searchDiagnostics("| makeresults | statz count", { name: "q.spl" });
    expect(d?.rendered).toBe([
      'error[unknown-command]: unknown command "statz"',
      " --> q.spl:1:17",
      "  |",
      "1 | | makeresults | statz count",
      "  |                 ^^^^^",
      '  = hint: did you mean "stats"?',
    ].join("\n"));
  });

  it.each([
    ["| makeresults | eval x=1 | table x"],
    ["index=main EventCode=1 | stats count by host"],
    ["| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes by Processes.dest | `drop_dm_object_name(Processes)`"],
  ])("reports nothing for %s", (q) => {
    expect(searchDiagnostics(q, {})).toEqual([]);
  });
});
