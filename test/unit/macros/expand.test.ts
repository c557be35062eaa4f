import { describe, expect, it } from "vitest";
import { builtinMacros, MacroTable, parseSearch, printPipeline } from "../../../src/index.js";
import { parseMacroCall, substituteArgs } from "../../../src/macros/macro-call.js";
import { mark } from "../../support/mark.js";

const expandToText = (q: string, macros = builtinMacros()) => {
  const r = parseSearch(q, { macros });
  if (!r.pipeline) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return printPipeline(r.pipeline);
};

describe("macro calls", () => {
  it.each([
    ["`a`", { name: "a", args: [] }],
    ["`drop_dm_object_name(Processes)`", { name: "drop_dm_object_name", args: ["Processes"] }],
    ['`f("a, b", c(d, e))`', { name: "f", args: ['"a, b"', "c(d, e)"] }],
  ])("%s", (image, expected) => {
    expect(parseMacroCall(image)).toEqual(expected);
  });

  it("strips the quotes of a quoted argument placed inside quotes", () => {
    expect(substituteArgs('rename "$object$.*" as *', ["object"], ['"Processes"'])).toBe('rename "Processes.*" as *');
    expect(substituteArgs('rename "$object$.*" as *', ["object"], ["Processes"])).toBe('rename "Processes.*" as *');
    expect(substituteArgs("x=$v$", ["v"], ['"q"'])).toBe('x="q"');
  });
});

describe("expansion", () => {
  it("expands the ESCU builtins, nested inside option values", () => {
    expect(expandToText("| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes | `drop_dm_object_name(\"Processes\")` | `security_content_ctime(firstTime)`")).toBe(
      '| tstats summariesonly=false allow_old_summaries=true fillnull_value=null count from datamodel=Endpoint.Processes | rename "Processes.*" AS * | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)',
    );
  });

  it("expands inside a tstats where clause and keeps glued text glued", () => {
    const macros = builtinMacros().with([
      { name: "process_wmic", args: [], definition: "(Processes.process_name=wmic.exe OR Processes.original_file_name=wmic.exe)", origin: "t" },
      { name: "ext", args: [], definition: "exe", origin: "t" },
    ]);
    expect(expandToText("| tstats count from datamodel=Endpoint.Processes where `process_wmic` by Processes.dest", macros)).toBe(
      "| tstats count from datamodel=Endpoint.Processes WHERE Processes.process_name=wmic.exe OR Processes.original_file_name=wmic.exe BY Processes.dest",
    );
    expect(expandToText("x=cmd.`ext`", macros)).toBe("x=cmd.exe");
  });

  it("overloads by arity and lets later definitions win", () => {
    const t = new MacroTable([
      { name: "m", args: [], definition: "a", origin: "1" },
      { name: "m", args: ["x"], definition: "b=$x$", origin: "1" },
    ]).with([{ name: "m", args: [], definition: "c", origin: "2" }]);
    expect(expandToText("`m` `m(1)`", t)).toBe("c b=1");
  });

  it("reports an unknown macro with a did-you-mean", () => {
    const q = mark`| tstats ${"`security_content_sumariesonly`"} count`;
    const r = parseSearch(q.code);
    expect(r.diagnostics[0]?.code).toBe("unknown-macro");
    expect(r.diagnostics[0]?.span).toEqual({ ...q.spans[0], source: 0 });
    expect(r.diagnostics[0]?.hints[0]).toContain("security_content_summariesonly");
  });

  it("reports cycles", () => {
    const t = new MacroTable([
      { name: "a", args: [], definition: "`b`", origin: "t" },
      { name: "b", args: [], definition: "`a`", origin: "t" },
    ]);
    const r = parseSearch("`a`", { macros: t });
    expect(r.diagnostics[0]?.code).toBe("macro-cycle");
    expect(r.diagnostics[0]?.message).toContain("a → b → a");
  });

  it("points into the macro body and keeps the call site for errors inside a macro", () => {
    const t = builtinMacros().with([{ name: "bad", args: [], definition: "eval x=(1", origin: "t" }]);
    const q = mark`| makeresults | ${"`bad`"}`;
    const r = parseSearch(q.code, { macros: t });
    const d = r.diagnostics[0];
    expect(d?.code).toBe("syntax-error");
    expect(r.sources.get(d?.span?.source ?? 0).name).toBe("macro bad");
    expect(d?.origin?.macro).toBe("bad");
    expect(d?.origin?.callSpan).toEqual({ ...q.spans[0], source: 0 });
  });
});
