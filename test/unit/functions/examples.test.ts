/**
 * Every example in every FunctionDef, evaluated by hand: each expression is rewritten below as
 * direct calls of the implementations on literal arguments (string literals already unescaped as
 * the SPL lexer does: `\\` → `\`, `\"` → `"`). The test fails when an example is missing here,
 * so a new example must be checked before it ships in :help.
 */
import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "../../../src/functions/registry.js";
import { SPECIAL_FORM_FUNCTIONS } from "../../../src/functions/special-forms.js";
import type { EvalValue } from "../../../src/values/value.js";
import { call as f } from "./call.js";

const abc = (): EvalValue => f("split", "a,b,c", ",");

const TABLE: Readonly<Record<string, () => EvalValue>> = {
  'if(1 == 1, "yes", "no")': () => f("if", true, "yes", "no"),
  'if(1 > 2, "yes", "no")': () => f("if", false, "yes", "no"),
  'case(1 == 2, "a", 1 == 1, "b")': () => f("case", false, "a", true, "b"),
  'case(1 == 2, "a", true(), "other")': () => f("case", false, "a", f("true"), "other"),
  'coalesce(null(), "b", "c")': () => f("coalesce", f("null"), "b", "c"),
  "isnull(null())": () => f("isnull", f("null")),
  'nullif("a", "b")': () => f("nullif", "a", "b"),
  'isnull(nullif("a", "a"))': () => f("isnull", f("nullif", "a", "a")),
  'if(true(), "y", "n")': () => f("if", f("true"), "y", "n"),
  'if(false(), "y", "n")': () => f("if", f("false"), "y", "n"),
  'validate(1 == 1, "first", 1 == 2, "second")': () => f("validate", true, "first", false, "second"),
  'in("b", "a", "b", "c")': () => f("in", "b", "a", "b", "c"),
  'in("x", "a", "b")': () => f("in", "x", "a", "b"),
  'like("cmd.exe", "%.exe")': () => f("like", "cmd.exe", "%.exe"),
  'like("CMD.EXE", "%.exe")': () => f("like", "CMD.EXE", "%.exe"),
  'match("powershell.exe", "^power")': () => f("match", "powershell.exe", "^power"),
  'match("ABC", "(?i)abc")': () => f("match", "ABC", "(?i)abc"),
  'cidrmatch("10.0.0.0/8", "10.1.2.3")': () => f("cidrmatch", "10.0.0.0/8", "10.1.2.3"),
  'cidrmatch("10.0.0.0/8", "11.1.2.3")': () => f("cidrmatch", "10.0.0.0/8", "11.1.2.3"),
  'isnull("")': () => f("isnull", ""),
  'isnotnull("x")': () => f("isnotnull", "x"),
  "isnotnull(null())": () => f("isnotnull", f("null")),
  "isnum(3.5)": () => f("isnum", 3.5),
  'isnum("abc")': () => f("isnum", "abc"),
  "isint(42)": () => f("isint", 42),
  "isint(4.2)": () => f("isint", 4.2),
  'isstr("abc")': () => f("isstr", "abc"),
  "isstr(1)": () => f("isstr", 1),
  "isbool(1 == 2)": () => f("isbool", false),
  'isbool("true")': () => f("isbool", "true"),
  "typeof(12)": () => f("typeof", 12),
  'typeof("abc")': () => f("typeof", "abc"),
  "typeof(1 == 2)": () => f("typeof", false),
  "typeof(null())": () => f("typeof", f("null")),
  "abs(-5)": () => f("abs", -5),
  "ceil(1.2)": () => f("ceil", 1.2),
  "ceiling(1.2)": () => f("ceiling", 1.2),
  "floor(1.8)": () => f("floor", 1.8),
  "sqrt(9)": () => f("sqrt", 9),
  "exp(0)": () => f("exp", 0),
  "ln(1)": () => f("ln", 1),
  "sigfig(1234)": () => f("sigfig", 1234),
  "exact(2 * 3)": () => f("exact", 6),
  "round(3.14159, 2)": () => f("round", 3.14159, 2),
  "round(2.5)": () => f("round", 2.5),
  "round(-2.5)": () => f("round", -2.5),
  "pow(2, 10)": () => f("pow", 2, 10),
  "log(100)": () => f("log", 100),
  "log(8, 2)": () => f("log", 8, 2),
  "min(3, 1, 2)": () => f("min", 3, 1, 2),
  'min(3, "abc")': () => f("min", 3, "abc"),
  'min("b", "a")': () => f("min", "b", "a"),
  "max(3, 1, 2)": () => f("max", 3, 1, 2),
  'max(7, "foo")': () => f("max", 7, "foo"),
  "avg(1, 2, 6)": () => f("avg", 1, 2, 6),
  "round(pi(), 4)": () => f("round", f("pi"), 4),
  "random() >= 0": () => (f("random") as number) >= 0,
  "acos(1)": () => f("acos", 1),
  "acosh(1)": () => f("acosh", 1),
  "asin(0)": () => f("asin", 0),
  "asinh(0)": () => f("asinh", 0),
  "atan(0)": () => f("atan", 0),
  "atanh(0)": () => f("atanh", 0),
  "cos(0)": () => f("cos", 0),
  "cosh(0)": () => f("cosh", 0),
  "sin(0)": () => f("sin", 0),
  "sinh(0)": () => f("sinh", 0),
  "tan(0)": () => f("tan", 0),
  "tanh(0)": () => f("tanh", 0),
  "atan2(0, 1)": () => f("atan2", 0, 1),
  "hypot(3, 4)": () => f("hypot", 3, 4),
  'len("splunk")': () => f("len", "splunk"),
  'lower("ABC")': () => f("lower", "ABC"),
  'upper("abc")': () => f("upper", "abc"),
  'substr("splunk", 2, 3)': () => f("substr", "splunk", 2, 3),
  'substr("cmd.exe", -4)': () => f("substr", "cmd.exe", -4),
  'substr("splunk", 0, 3)': () => f("substr", "splunk", 0, 3),
  'replace("a-b-c", "-", "+")': () => f("replace", "a-b-c", "-", "+"),
  'replace("1/2/2020", "^(\\\\d+)/(\\\\d+)", "\\\\2/\\\\1")': () => f("replace", "1/2/2020", "^(\\d+)/(\\d+)", "\\2/\\1"),
  'trim("  abc  ")': () => f("trim", "  abc  "),
  'ltrim("$$abc", "$")': () => f("ltrim", "$$abc", "$"),
  'rtrim("abc  ")': () => f("rtrim", "abc  "),
  'urldecode("http%3A%2F%2Fexample.com%2Fa%20b")': () => f("urldecode", "http%3A%2F%2Fexample.com%2Fa%20b"),
  "tostring(1 == 1)": () => f("tostring", true),
  'tostring(15, "hex")': () => f("tostring", 15, "hex"),
  'tostring(12345.6789, "commas")': () => f("tostring", 12345.6789, "commas"),
  'tostring(615, "duration")': () => f("tostring", 615, "duration"),
  "tostring(3.50)": () => f("tostring", 3.5),
  'tonumber("0A4", 16)': () => f("tonumber", "0A4", 16),
  'tonumber("12.5")': () => f("tonumber", "12.5"),
  'isnull(tonumber("abc"))': () => f("isnull", f("tonumber", "abc")),
  'printf("%04d|%-3s|%.2f", 7, "a", 3.14159)': () => f("printf", "%04d|%-3s|%.2f", 7, "a", 3.14159),
  "printf(\"%'d\", 1234567)": () => f("printf", "%'d", 1234567),
  'ipmask("255.255.255.0", "10.20.30.120")': () => f("ipmask", "255.255.255.0", "10.20.30.120"),
  'mvcount(split("a,b,c", ","))': () => f("mvcount", abc()),
  'mvcount("x")': () => f("mvcount", "x"),
  'mvindex(split("a,b,c", ","), 1)': () => f("mvindex", abc(), 1),
  'mvindex(split("a,b,c", ","), -1)': () => f("mvindex", abc(), -1),
  'mvindex(split("a,b,c,d", ","), 1, 2)': () => f("mvindex", f("split", "a,b,c,d", ","), 1, 2),
  'mvjoin(split("a,b,c", ","), ";")': () => f("mvjoin", abc(), ";"),
  'mvappend("a", split("b,c", ","))': () => f("mvappend", "a", f("split", "b,c", ",")),
  'mvdedup(split("b,a,b", ","))': () => f("mvdedup", f("split", "b,a,b", ",")),
  'mvfind(split("a1,b2,c3", ","), "^b")': () => f("mvfind", f("split", "a1,b2,c3", ","), "^b"),
  'mvsort(split("b,10,a,9", ","))': () => f("mvsort", f("split", "b,10,a,9", ",")),
  'mvzip(split("a,b", ","), split("1,2", ","), "=")': () => f("mvzip", f("split", "a,b", ","), f("split", "1,2", ","), "="),
  "mvrange(1, 11, 2)": () => f("mvrange", 1, 11, 2),
  'split("a,b,c", ",")': () => abc(),
  "isnum(now())": () => f("isnum", f("now")),
  "isnum(time())": () => f("isnum", f("time")),
  'relative_time(1602155026, "-1d@d")': () => f("relative_time", 1602155026, "-1d@d"),
  'relative_time(1602155026, "@w0")': () => f("relative_time", 1602155026, "@w0"),
  'strftime(1602155026.615, "%Y-%m-%dT%H:%M:%S")': () => f("strftime", 1602155026.615, "%Y-%m-%dT%H:%M:%S"),
  'strftime(0, "%F %T.%3N")': () => f("strftime", 0, "%F %T.%3N"),
  'strptime("2020-10-08T11:03:46", "%Y-%m-%dT%H:%M:%S")': () => f("strptime", "2020-10-08T11:03:46", "%Y-%m-%dT%H:%M:%S"),
  'strptime("2020-10-08 11:03:46.615 +0200", "%Y-%m-%d %H:%M:%S.%3N %z")': () =>
    f("strptime", "2020-10-08 11:03:46.615 +0200", "%Y-%m-%d %H:%M:%S.%3N %z"),
  'md5("abc")': () => f("md5", "abc"),
  'sha1("abc")': () => f("sha1", "abc"),
  'sha256("abc")': () => f("sha256", "abc"),
  'sha512("abc")': () => f("sha512", "abc"),
  'json_extract("{\\"a\\":{\\"b\\":[1,2]}}", "a.b{1}")': () => f("json_extract", '{"a":{"b":[1,2]}}', "a.b{1}"),
  'json_object("name", "maria", "n", 2)': () => f("json_object", "name", "maria", "n", 2),
  'json_array("a", 1)': () => f("json_array", "a", 1),
  'json_keys("{\\"a\\":1,\\"b\\":2}")': () => f("json_keys", '{"a":1,"b":2}'),
  'json_valid("{\\"a\\":1}")': () => f("json_valid", '{"a":1}'),
  'json_valid("{a")': () => f("json_valid", "{a"),
};

// Special forms (mvfilter, mvmap, searchmatch) need the evaluator: test/unit/registry.test.ts runs them.
const SPECIAL = new Set(SPECIAL_FORM_FUNCTIONS.map((d) => d.name));
const EXAMPLES = [...FUNCTIONS.values()]
  .filter((d) => !SPECIAL.has(d.name))
  .flatMap((d) => d.examples.map((e) => [d.name, e.expr, e.result] as const));

describe("FunctionDef examples", () => {
  it.each(EXAMPLES)("%s: %s", (_name, expr, result) => {
    const run = TABLE[expr];
    expect(run, `add ${expr} to the table in examples.test.ts`).toBeDefined();
    expect(run!()).toEqual(result);
  });

  it("has no stale rows", () => {
    const exprs = new Set(EXAMPLES.map(([, expr]) => expr));
    expect(Object.keys(TABLE).filter((k) => !exprs.has(k))).toEqual([]);
  });
});
