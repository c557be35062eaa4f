/** foreach and map: template substitution details and run-time compilation. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });
const rows = (q: string) => {
  const r = run(q);
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return r.table?.rows() ?? [];
};

describe("foreach", () => {
  it("leaves internal fields alone unless the pattern starts with _", () => {
    expect(rows('| makeresults | eval a=1 | foreach * [eval <<FIELD>>="x"] | table _time a')).toEqual([{ _time: 1_700_000_000, a: "x" }]);
    expect(rows('| makeresults | foreach _t* [eval seen="<<FIELD>>"] | table seen')).toEqual([{ seen: "_time" }]);
  });

  it("substitutes an empty MATCHSTR for a pattern without wildcards", () => {
    expect(rows('| makeresults | eval a=1 | foreach a [eval m="[<<MATCHSTR>>]", f="<<FIELD>>"] | table m f')).toEqual([{ m: "[]", f: "a" }]);
  });

  it("takes the field list once, before the template adds fields", () => {
    expect(rows('| makeresults | eval x1=1 | foreach x* [eval x_<<FIELD>>=1] | table x*')).toEqual([{ x1: 1, x_x1: 1 }]);
  });

  it("honours fieldstr= to rename the token", () => {
    expect(rows('| makeresults | eval a=2 | foreach a fieldstr="#F#" [eval \'#F#\'=\'#F#\' * 3] | table a')).toEqual([{ a: 6 }]);
  });

  it("checks the template at compile time", () => {
    const d = run("| makeresults | eval a=1 | foreach a [eval b=nosuchfn(<<FIELD>>)]").diagnostics.find((x) => x.severity === "error");
    expect(d?.code).toBe("unknown-function");
  });

  it("rejects the multivalue and json_array modes", () => {
    const d = run("| makeresults | eval a=1 | foreach mode=multivalue a [eval b=1]").diagnostics.find((x) => x.severity === "error");
    expect(d?.message).toContain("only multifield");
  });
});

describe("map", () => {
  it("runs no search for a result that lacks a token's field", () => {
    expect(rows('| makeresults | eval n=1 | append [| makeresults | eval other=2] | map search="| makeresults | eval m=$n$" | table m')).toEqual([{ m: 1 }]);
  });

  it("fills $_serial_id$ with the result number", () => {
    expect(rows('| makeresults count=2 | map search="| makeresults | eval i=$_serial_id$" | table i')).toEqual([{ i: 1 }, { i: 2 }]);
  });

  it("accepts a [search] instead of search=", () => {
    expect(rows('| makeresults | eval n=4 | map [| makeresults | eval m="$n$"] | table m')).toEqual([{ m: "4" }]);
  });

  it("reports an error in the generated search at run time", () => {
    const d = run('| makeresults | eval n=1 | map search="| makeresults | eval m=nosuchfn($n$)"').diagnostics.find((x) => x.severity === "error");
    expect(d?.message).toContain("generated search");
  });
});
