import { describe, expect, it } from "vitest";
import { parseSearch, printPipeline } from "../../../src/index.js";

function printed(q: string): string {
  const r = parseSearch(q);
  if (!r.pipeline) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return printPipeline(r.pipeline);
}

describe("pipeline grammar", () => {
  it.each([
    // leading search, implicit AND, OR binds tighter than AND (spl-semantics §5.2)
    ["index=main a OR b c", "index=main (a OR b) c"],
    ["search x=1", "x=1"],
    ['user!="a b" NOT d', 'user!="a b" NOT d'],
    ["Processes.process_name IN (cmd.exe, \"*ps*\")", 'Processes.process_name IN (cmd.exe, "*ps*")'],
    ["NOT (a OR b)", "NOT (a OR b)"],
    ["C:\\Windows\\*.exe", "C:\\Windows\\*.exe"],
    ["process=\"*2&gt;&amp;1*\"", 'process="*2&gt;&amp;1*"'],
    ["earliest=-24h@h latest=now", "earliest=-24h@h latest=now"],
    ["x>5 y<=3", "x>5 y<=3"],
    // generic command shape
    ["| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user",
      "| tstats count min(_time) AS firstTime from datamodel=Endpoint.Processes WHERE Processes.process_name=cmd.exe BY Processes.dest Processes.user"],
    ['| rename "Processes.*" as *', '| rename "Processes.*" AS *'],
    ['| convert timeformat="%Y" ctime(firstTime)', '| convert timeformat="%Y" ctime(firstTime)'],
    ["| stats count(eval(x=\"a\")) as c values(y) by z", '| stats count(eval((x = "a"))) AS c values(y) BY z'],
    ["| table a, b c", "| table a b c"],
    ["| sort - count", "| sort - count"],
    ["| tstats count where nodename=A.B by _time span=1h", "| tstats count WHERE nodename=A.B BY _time span=1h"],
    ["a | search b", "a | search b"],
    ["| eval a=1, b=\"x\" . c", '| eval a=1, b=("x" . c)'],
    ["| where x IN (\"a\", \"b\") AND NOT y LIKE \"%z\"", '| where ((x IN ("a", "b")) AND (NOT (y LIKE "%z")))'],
    // ESCU constructs
    ["| foreach * [eval <<FIELD>>=if(<<FIELD>>=\"null\", null(), <<FIELD>>)]", "| foreach * [| eval '<<FIELD>>'=if(('<<FIELD>>' = \"null\"), null(), '<<FIELD>>')]"],
    ["| eval inbound:outbound=a/b", "| eval 'inbound:outbound'=(a / b)"],
    ["| transaction x startswith=(EventCode=5136 OperationType=\"%%14674\")", '| transaction x startswith=(EventCode=5136 OperationType="%%14674")'],
    ["x=*GetCurrent()* y=relative_time(now(), \"-1h\")", 'x=*GetCurrent()* y=relative_time(now(), "-1h")'],
    ["| stats values(a) as a(b)", '| stats values(a) AS "a(b)"'],
    ["| append [ mstats count(x) as y where z=1 ]", "| append [| mstats count(x) AS y WHERE z=1]"],
    ["process_name=CASE(WMIC.exe) TERM(10.0.0.1)", "process_name=CASE(WMIC.exe) TERM(10.0.0.1)"],
    ["| head (count > 5)", "| head (count > 5)"],
    ["a OR b or c", "(a OR b) or c"],
    ["| where a and b or not c", "| where ((a AND b) OR (NOT c))"],
  ])("%s", (q, expected) => {
    expect(printed(q)).toBe(expected);
  });

  it("keeps eval field names with dots and quotes", () => {
    expect(printed("| eval x='Processes.dest', y=Processes.user")).toBe("| eval x=Processes.dest, y=Processes.user");
  });
});

describe("eval precedence (AND before OR, spl-semantics §6)", () => {
  it.each([
    ["1+2*3", "(1 + (2 * 3))"],
    ["(1+2)*3", "((1 + 2) * 3)"],
    ["a OR b AND c", "(a OR (b AND c))"],
    ["NOT a AND b", "((NOT a) AND b)"],
    ["a=1 OR b!=2", "((a = 1) OR (b != 2))"],
    ["-x+1", "((-x) + 1)"],
    ['a."-".b', '(a . "-" . b)'],
    ["x-1", "(x - 1)"],
    ["if(x>1, \"a\", lower(y))", 'if((x > 1), "a", lower(y))'],
    ["in(x, \"a\", \"b\")", 'in(x, "a", "b")'],
    ["10/2%3", "(10 / 2 % 3)"],
    ["a-b+c", "(a - b + c)"],
    ["a-(b+c)", "(a - (b + c))"],
    ["NOT NOT a", "(NOT NOT a)"],
    ["- -x", "(- -x)"],
  ])("%s", (expr, expected) => {
    expect(expr).printsAs(expected);
  });
});

it("reports an empty BY list at the BY", () => {
  expect("| stats count by").toLog("bad-argument", { start: 14, end: 16 });
});

describe("syntax errors carry positions", () => {
  it.each([
    ["| eval x=(1+2", 13],
    ["a | | b", 4],
  ])("%s", (q, at) => {
    const r = parseSearch(q);
    expect(r.pipeline).toBeNull();
    expect(r.diagnostics[0]?.code).toBe("syntax-error");
    expect(r.diagnostics[0]?.span?.start).toBe(at);
  });
});
