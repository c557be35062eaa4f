/**
 * term-candidates.ts: what a search requires of `_raw` (textNeed), and the rows it leaves to scan
 * given a term filter (candidateRanges), with a filter that knows exactly which block holds what.
 */
import { describe, expect, it } from "vitest";
import { exprOf } from "../../support/search-expr.js";
import { candidateRanges, textNeed, type TextNeed } from "../../../src/executor/term-candidates.js";
import type { EventStore, TermFilter } from "../../../src/store/event-store.js";


/** A need as a short string: "x", all(…), any(…), or "-" for none. */
function show(n: TextNeed | null): string {
  if (!n) return "-";
  return n.kind === "text" ? JSON.stringify(n.text) : `${n.kind}(${n.items.map(show).join(", ")})`;
}

describe("textNeed: what a search requires of _raw", () => {
  it.each([
    ["index=* mimikatz", '"mimikatz"'],
    ["mimikatz sekurlsa", 'all("mimikatz", "sekurlsa")'],
    ["mimikatz OR procdump", 'any("mimikatz", "procdump")'],
    ["(mimikatz OR procdump) lsass", 'all(any("mimikatz", "procdump"), "lsass")'],
    // Wildcards: every piece between `*` must occur.
    ["*mimi*katz*", 'all("mimi", "katz")'],
    ["*", "-"],
    ["**", "-"],
    // CASE() and TERM() unwrap (case-sensitive text also matches case-insensitively); quoted, they are literal text.
    ["CASE(Mimikatz)", '"Mimikatz"'],
    ["TERM(10.0.0.1)", '"10.0.0.1"'],
    ['"CASE(x)"', '"CASE(x)"'],
    ['"sekurlsa::logonpasswords"', '"sekurlsa::logonpasswords"'],
    // What requires nothing of _raw: NOT, field=value, IN, comparisons, time modifiers.
    ["NOT mimikatz", "-"],
    ["index=* EventCode=1", "-"],
    ["_raw=*mimikatz*", "-"],
    ["process_name IN (a.exe, b.exe)", "-"],
    ["EventCode>4000 earliest=-24h", "-"],
    // OR with a branch that needs nothing lets everything through; AND keeps what it can.
    ["mimikatz OR EventCode=1", "-"],
    ["mimikatz NOT procdump EventCode=1", '"mimikatz"'],
  ])("%s → %s", (q, want) => {
    expect(show(textNeed(exprOf(q)))).toBe(want);
  });
});

/** Blocks of 10 rows; block b "holds" the words listed for it (exactly, no false positives). */
function fakeStore(blocks: readonly (readonly string[])[], appended = 0): EventStore {
  const rows = blocks.length * 10;
  const filter: TermFilter = {
    rows,
    blockEnds: () => blocks.map((_, b) => (b + 1) * 10),
    mayContain: (literal) => Uint8Array.from(blocks, (words) => (words.some((w) => w.toLowerCase().includes(literal.toLowerCase())) ? 1 : 0)),
  };
  return { termFilter: filter, length: rows + appended } as unknown as EventStore;
}

describe("candidateRanges: the rows left to scan", () => {
  const store = fakeStore([["mimikatz"], ["procdump", "lsass"], [], ["mimikatz", "lsass"], ["mimikatz"]]);
  it.each([
    ["index=* mimikatz", [0, 10, 30, 50]],
    ["MIMIKATZ lsass", [30, 40]],
    ["mimikatz OR procdump", [0, 20, 30, 50]],
    ["xyzzy", []],
    ["*lsa*ss*", [10, 20, 30, 40]],
    ["NOT mimikatz", [0, 50]],
    ["index=*", [0, 50]],
  ])("%s → %j", (q, want) => {
    expect(candidateRanges(store, exprOf(q))).toEqual(want);
  });

  it("rows appended after the index was opened are always scanned", () => {
    expect(candidateRanges(fakeStore([["a"], ["mimikatz"]], 5), exprOf("mimikatz"))).toEqual([10, 25]);
    expect(candidateRanges(fakeStore([["mimikatz"], ["b"]], 5), exprOf("mimikatz"))).toEqual([0, 10, 20, 25]);
  });

  it("a store without a term filter is scanned whole", () => {
    expect(candidateRanges({ termFilter: null, length: 7 } as unknown as EventStore, exprOf("mimikatz"))).toEqual([0, 7]);
  });
});
