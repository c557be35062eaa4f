/**
 * SearchBudget (issue 10, "a budget for every search"): each budget ends the search with a
 * diagnostic that names it, its value and how to raise it; cancellation by flag or AbortSignal.
 * The clock is pinned, so no case depends on how fast the machine is.
 */
import { describe, expect, it } from "vitest";
import { SplRuntimeError, type Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, SearchBudget, type BudgetOptions } from "../../../src/executor/budget.js";

/** A clock that reads `t` (ms); the test moves it. */
function pinned(): { clock: () => number; set(ms: number): void } {
  let t = 0;
  return { clock: () => t, set: (ms) => void (t = ms) };
}

/** The diagnostic `f` stops with, or null when it does not throw. */
function stop(f: () => void): Diagnostic | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof SplRuntimeError) return e.diagnostic;
    throw e;
  }
}

describe("SearchBudget", () => {
  const time = pinned();
  const cases: { name: string; opts: BudgetOptions; act: (b: SearchBudget) => void; code: string | null; message?: string; hint?: string }[] = [
    {
      name: "the default time budget is 300 s",
      opts: { clock: time.clock },
      act: (b) => { time.set(DEFAULT_TIMEOUT_MS + 1); b.check(); },
      code: "budget", message: "the search ran past its time budget of 300 s", hint: "raise it with --timeout <seconds> (library: the timeoutMs option)",
    },
    { name: "within the time budget", opts: { clock: time.clock, timeoutMs: 1000 }, act: (b) => { time.set(1000); b.check(); }, code: null },
    { name: "timeout 0 is no limit", opts: { clock: time.clock, timeoutMs: 0 }, act: (b) => { time.set(1e12); b.check(); }, code: null },
    {
      name: "a tiny timeout",
      opts: { clock: time.clock, timeoutMs: 250 },
      act: (b) => { time.set(251); b.check(); },
      code: "budget", message: "the search ran past its time budget of 0.25 s",
    },
    {
      name: "the default row budget is 50,000,000",
      opts: {},
      act: (b) => b.rows(DEFAULT_MAX_ROWS + 1, "makeresults count=50000001"),
      code: "budget", message: "makeresults count=50000001 would make 50,000,001 rows, more than the search's row budget of 50,000,000",
      hint: "raise it with --max-rows <n> (library: the maxRows option)",
    },
    { name: "exactly the row budget", opts: { maxRows: 10 }, act: (b) => b.rows(10, "x"), code: null },
    { name: "maxRows 0 is no limit", opts: { maxRows: 0 }, act: (b) => b.rows(1e12, "x"), code: null },
    {
      name: "memory: growth past the budget, measured from the start",
      opts: { maxMemoryBytes: 1_048_576, memoryUsed: (() => { let n = 0; return () => (n++ === 0 ? 500e6 : 500e6 + 3 * 1_048_576); })() },
      act: (b) => b.check(),
      code: "budget", message: "the search grew the heap by 3 MB, more than its memory budget of 1 MB",
      hint: "raise it with --max-memory <MB> (library: the maxMemoryBytes option)",
    },
    { name: "memory is not checked without a probe", opts: { maxMemoryBytes: 1 }, act: (b) => b.check(), code: null },
    {
      name: "a flag another thread sets cancels",
      opts: { cancelFlag: Int32Array.from([1]), cancelledBy: "Ctrl-C" },
      act: (b) => b.check(),
      code: "cancelled", message: "the search was cancelled (Ctrl-C)",
    },
    {
      name: "an aborted signal cancels",
      opts: { signal: AbortSignal.abort() },
      act: (b) => b.check(),
      code: "cancelled", message: "the search was cancelled (cancelled by the caller)",
    },
    {
      name: "the caller's hint replaces the default",
      opts: { maxRows: 1, raise: { rows: "use --max-rows" } },
      act: (b) => b.rows(2, "x"),
      code: "budget", hint: "use --max-rows",
    },
  ];

  it.each(cases)("$name", ({ opts, act, code, message, hint }) => {
    time.set(0);
    const b = new SearchBudget(opts);
    const d = stop(() => act(b));
    expect(d?.code ?? null).toBe(code);
    if (message) expect(d?.message).toBe(message);
    if (hint) expect(d?.hints).toEqual([hint]);
    if (d) expect(d.severity).toBe("error");
  });

  it("tick() checks once per few thousand units of work, not on every call", () => {
    const clock = pinned();
    const b = new SearchBudget({ clock: clock.clock, timeoutMs: 10 });
    clock.set(11);
    expect(stop(() => b.tick(1))).toBeNull();
    expect(stop(() => b.tick(5000))?.code).toBe("budget");
  });

  it("a span given to check() is the diagnostic's position", () => {
    const span = { start: 3, end: 9, source: 0 };
    const d = stop(() => new SearchBudget({ cancelFlag: Int32Array.from([1]) }).check(span));
    expect(d?.span).toEqual(span);
  });
});
