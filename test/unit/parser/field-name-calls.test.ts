/**
 * A call-shaped argument of a command whose arguments are field names is the name of a field:
 * stats and delta name their columns `dc(clientip)`, `delta(_time)`, and the Search Reference
 * uses those names unquoted (delta reference, extended example 2:
 * `| delta _time p=1 | rename delta(_time) AS timeDeltaS`). Elsewhere a call stays a call.
 */
import { describe, expect, it } from "vitest";
import { parsedCommand } from "../../support/parse-command.js";
import type { ArgValue } from "../../../src/ast/nodes.js";
import { callIsFieldName, fieldNameCommands, isCommandName } from "../../../src/parser/command-syntax.js";

const command = parsedCommand;

/** The positionals as [kind, text or call name, alias]. */
function positionals(spl: string): (string | undefined)[][] {
  return command(spl).args.flatMap((a) => (a.kind === "positional" ? [[a.value.kind, textOf(a.value), a.alias?.name]] : []));
}

const textOf = (v: ArgValue): string | undefined => (v.kind === "word" || v.kind === "string" ? v.text : v.kind === "call" ? v.name : undefined);

describe("call-shaped field names", () => {
  it.each([
    ["| rename dc(clientip) AS customers", [["word", "dc(clientip)", "customers"]]],
    ["| rename delta(_time) AS timeDeltaS", [["word", "delta(_time)", "timeDeltaS"]]],
    ["| rename values(*) as *", [["word", "values(*)", "*"]]],
    ["| rename sum(dashboard_activity.*) as *", [["word", "sum(dashboard_activity.*)", "*"]]],
    ["| table _time delta(_time)", [["word", "_time", undefined], ["word", "delta(_time)", undefined]]],
    ["| fields count, avg(x)", [["word", "count", undefined], ["word", "avg(x)", undefined]]],
    ["| fields - count(eval(x>1))", [["word", "-", undefined], ["word", "count(eval(x>1))", undefined]]],
    ["| table count*", [["word", "count*", undefined]]],
    ["| fillnull value=0 sum(bytes)", [["word", "sum(bytes)", undefined]]],
    ["| dedup dc(user)", [["word", "dc(user)", undefined]]],
    // A space inside the parentheses stays: the name is the text as written.
    ["| table avg( x )", [["word", "avg( x )", undefined]]],
  ])("%s", (spl, expected) => {
    expect(positionals(spl)).toEqual(expected);
  });

  it("keeps sort's type wrappers as calls and reads any other call there as a field", () => {
    expect(positionals("| sort num(x), - sum(bytes)")).toEqual([["call", "num", undefined], ["word", "-", undefined], ["word", "sum(bytes)", undefined]]);
    expect(positionals("| dedup host sortby -num(x) str(y)")).toEqual([["word", "host", undefined], ["word", "sortby", undefined], ["word", "-num(x)", undefined], ["call", "str", undefined]]);
  });

  it("leaves calls in other commands, option values and nested positions alone", () => {
    expect(positionals("| stats dc(clientip) AS customers")).toEqual([["call", "dc", "customers"]]);
    expect(positionals("| convert ctime(firstTime)")).toEqual([["call", "ctime", undefined]]);
    expect(positionals("| trendline sma5(foo) AS smoothed")).toEqual([["call", "sma5", "smoothed"]]);
    const eval_ = command("| eval x=f(y)").args[0];
    expect(eval_?.kind === "assign" && eval_.expr.kind).toBe("call");
    const opt = command("| fillnull value=f(x) y").args[0];
    expect(opt?.kind === "option" && opt.value.kind).toBe("call");
  });

  it("spans the whole call", () => {
    const spl = "| table _time delta(_time)";
    const a = command(spl).args[1];
    expect(a?.kind === "positional" ? spl.slice(a.value.span.start, a.value.span.end) : null).toBe("delta(_time)");
  });

  it("lists only Splunk command names (so foreach's fast path treats them as gate words)", () => {
    for (const c of fieldNameCommands()) expect(isCommandName(c), c).toBe(true);
    expect(callIsFieldName("RENAME", "dc")).toBe(true);
    expect(callIsFieldName("sort", "NUM")).toBe(false);
    expect(callIsFieldName("stats", "dc")).toBe(false);
  });
});
