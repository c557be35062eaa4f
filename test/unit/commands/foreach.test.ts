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

  it("runs multivalue mode once per value, with <<ITEM>> and <<ITER>>", () => {
    expect(rows('| makeresults | eval mv=mvappend("5", "15"), total=0, idx="" | foreach mode=multivalue mv [eval total = total + <<ITEM>>, idx = idx . <<ITER>>] | table total idx')).toEqual([{ total: 20, idx: "01" }]);
  });

  it("substitutes a text element as a string literal", () => {
    expect(rows('| makeresults | eval w=mvappend("a b", "c\\"d") | foreach mode=multivalue w [eval out = mvappend(out, <<ITEM>>)] | table out')).toEqual([{ out: ["a b", 'c"d'] }]);
  });

  it("iterates over a JSON array's elements in json_array mode, and either kind in auto_collections", () => {
    expect(rows('| makeresults | eval j="[1, 2, 3]", total=0 | foreach mode=json_array j [eval total = total + <<ITEM>>] | table total')).toEqual([{ total: 6 }]);
    expect(rows('| makeresults | eval j="[1, 2]", m=mvappend("3", "4"), a=0, b=0 | foreach mode=auto_collections j [eval a = a + <<ITEM>>] | foreach mode=auto_collections m [eval b = b + <<ITEM>>] | table a b')).toEqual([{ a: 3, b: 7 }]);
  });

  it("rejects a template other than one eval outside multifield mode, and options of the other modes", () => {
    expect(run("| makeresults | eval a=1 | foreach mode=multivalue a [eval b=1 | eval c=2]").diagnostics.find((x) => x.severity === "error")?.message).toContain("single eval");
    expect(run("| makeresults | eval a=1 | foreach mode=multivalue a fieldstr=F [eval b=1]").diagnostics.find((x) => x.severity === "error")?.message).toContain("not an option of mode=multivalue");
    expect(run("| makeresults | eval a=1 | foreach a itemstr=I [eval b=1]").diagnostics.find((x) => x.severity === "error")?.message).toContain("not an option of mode=multifield");
    expect(run("| makeresults | eval a=1 | foreach mode=sideways a [eval b=1]").diagnostics.find((x) => x.severity === "error")?.message).toContain("mode must be one of");
  });

  it("runs a wildcard instance only on the results that have the field", () => {
    expect(rows('| makeresults count=2 | streamstats count AS n | eval w1=10, w2=if(n=1, 5, null()), total=0 | foreach w* [eval total = total + <<FIELD>>] | table n total')).toEqual([{ n: 1, total: 15 }, { n: 2, total: 10 }]);
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
