import { describe, expect, it } from "vitest";
import { builtinMacros, compile, renderDiagnostic } from "../../../src/index.js";

const render = (q: string, macros = builtinMacros()) => {
  const r = compile(q, { macros });
  return r.diagnostics.map((d) => renderDiagnostic(d, r.sources)).join("\n");
};

describe("rendered diagnostics", () => {
  it("shows line, column, caret and a did-you-mean", () => {
    expect(render("| makeresults\n| eval x=lowr(\"A\")")).toBe(
      [
        'error[unknown-function]: unknown function "lowr"',
        " --> query:2:10",
        "  |",
        '2 | | eval x=lowr("A")',
        "  |          ^^^^",
        '  = hint: did you mean "lower"?',
      ].join("\n"),
    );
  });

  it("shows the macro body and the call site for an error inside a macro", () => {
    const macros = builtinMacros().with([{ name: "bad_filter", args: [], definition: "search x=1 | statz", origin: "t" }]);
    expect(render("| makeresults | `bad_filter`", macros)).toBe(
      [
        'error[unknown-command]: unknown command "statz"',
        " --> macro bad_filter:1:14",
        "  |",
        "1 | search x=1 | statz",
        "  |              ^^^^^",
        "  = in macro bad_filter, called at query:1:17",
        " --> query:1:17",
        "  |",
        "1 | | makeresults | `bad_filter`",
        "  |                 ^^^^^^^^^^^^",
        '  = hint: did you mean "stats"?',
      ].join("\n"),
    );
  });

  it("reports wrong arity with the signature", () => {
    expect(render('| makeresults | eval x=if(1>0, "a")')).toContain("function if() takes 3 argument(s), got 2");
  });
});
