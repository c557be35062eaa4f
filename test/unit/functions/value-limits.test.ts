/**
 * Issue 10: `printf("%0999999999d",1)`, 25 doublings of `s=s . s` and string functions whose result
 * outgrows JavaScript's strings threw RangeErrors. A value past MAX_VALUE_LENGTH is now a
 * `value-too-large` warning at the call or operator and a null for that result; the search goes on.
 */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { sprintf } from "../../../src/functions/printf.js";
import { MAX_VALUE_LENGTH } from "../../../src/functions/value-limit.js";
import { mark } from "../../support/mark.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });

const doublings = (op: string, n: number) => Array.from({ length: n }, () => `| eval s=s ${op} s `).join("");

describe("values past the size limit", () => {
  it.each([
    ["printf width", mark`| makeresults | eval s=${'printf("%0999999999d",1)'}, t="ok"`, "printf(): the width 999999999 would be larger than 10,485,760 characters"],
    ["printf * width", mark`| makeresults | eval s=${'printf("%*s",99999999999,"x")'}, t="ok"`, "printf(): the width 99999999999 would be larger than 10,485,760 characters"],
    ["printf precision", mark`| makeresults | eval s=${'printf("%.99999999d",1)'}, t="ok"`, "printf(): the precision 99999999 would be larger than 10,485,760 characters"],
    ["replace() that outgrows strings", mark`| makeresults | eval s=${`replace("${"x".repeat(1000)}", "x", printf("%1000000s", "y"))`}, t="ok"`, "replace(): the result would be larger than 10,485,760 characters"],
  ])("%s: warning at the call, null, the rest of the eval runs", (_name, q, message) => {
    const r = run(q.code);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["value-too-large", "warning"]]);
    expect(r.diagnostics[0]?.message).toBe(`${message}; the call gives null where it happens`);
    expect(r.diagnostics[0]?.span).toEqual({ ...q.spans[0], source: 0 });
    expect(r.table?.rows()).toEqual([{ _time: 1_700_000_000, t: "ok" }]);
  });

  it.each([
    [".", "`.`"],
    ["+", "`+`"],
  ])("25 doublings with %s: a warning at the operator that passes the limit, then null", (op, shown) => {
    const r = run(`| makeresults | eval s="ab" ${doublings(op, 25)}| eval n=len(s)`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["value-too-large"]);
    expect(r.diagnostics[0]?.message).toBe(`${shown}: the joined string would be larger than 10,485,760 characters; the operator gives null where it happens`);
    // "ab" doubled 22 times is 8 Mi characters; the 23rd doubling is refused.
    const pass = `| makeresults | eval s="ab" ${doublings(op, 25)}`.indexOf(`s ${op} s`, 0);
    expect(r.diagnostics[0]?.span?.start).toBeGreaterThan(pass);
    expect(r.table?.rows()).toEqual([{ _time: 1_700_000_000 }]);
  });

  it("keeps values up to the limit", () => {
    const r = run(`| makeresults | eval s=printf("%${MAX_VALUE_LENGTH}s", "x") | eval n=len(s)`);
    expect(r.diagnostics).toEqual([]);
    expect(r.table?.row(0).n).toBe(MAX_VALUE_LENGTH);
  });

  it("like() and LIKE with a 20,000-character pattern answer (linear matcher, no regex)", () => {
    const p = "%a".repeat(10_000);
    const r = run(`| makeresults | eval a=if(like("x", "${p}"), 1, 0), b=if("${"a".repeat(10_000)}" LIKE "${p}", 1, 0)`);
    expect(r.diagnostics).toEqual([]);
    expect(r.table?.rows()).toEqual([{ _time: 1_700_000_000, a: 0, b: 1 }]);
  });
});

describe("printf corner cases that threw", () => {
  it.each([
    ["%.200f", [1], `1.${"0".repeat(100)}`],
    ["%.150e", [1], `1.${"0".repeat(100)}e+00`],
    ["%c", [99_999_999], "\ufffd"],
    ["%c", [-1], "\ufffd"],
    ["[%*d]", [-5, 3], "[3    ]"],
    ["[%.*f]", [-2, 1.5], "[1.500000]"],
  ])("sprintf(%j, %j)", (format, args, expected) => {
    expect(sprintf(format, args)).toBe(expected);
  });
});
