/**
 * The safety net (issue 10): an exception inside a search (compile or execute) is an
 * `error[internal]` diagnostic with the position of the command that was running, never a throw.
 */
import { describe, expect, it } from "vitest";
import { EventStore, compile, renderDiagnostic, runSearch } from "../../../src/index.js";
import { mark } from "../../support/mark.js";

/** A store whose every read throws: any step that touches it fails with a plain Error. */
function brokenStore(message: string): EventStore {
  return new Proxy(new EventStore(), {
    get(target, key, receiver) {
      if (key === "length" || typeof key === "symbol") return Reflect.get(target, key, receiver);
      throw new TypeError(message);
    },
  });
}

describe("internal errors are diagnostics", () => {
  it("a step that throws: error[internal] at its command, no table", () => {
    const q = mark`${"index=main x=1"} | stats count`;
    const r = runSearch(q.code, brokenStore("boom"));
    expect(r.table).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["internal"]);
    expect(r.diagnostics[0]?.message).toBe("internal error while running the search: TypeError: boom");
    expect(r.diagnostics[0]?.span).toMatchObject({ ...q.spans[0], source: 0 });
  });

  it("the stack is kept for --debug and shown only then", () => {
    const r = runSearch("index=main | head 1", brokenStore("boom"));
    const d = r.diagnostics[0]!;
    expect(renderDiagnostic(d, r.sources)).not.toContain("    at ");
    expect(renderDiagnostic(d, r.sources, { debug: true })).toContain("    at ");
  });

  it("a later command that throws points at that command", () => {
    const q = mark`| makeresults | eval x=1 | ${"append [search index=main]"}`;
    const r = runSearch(q.code, brokenStore("nope"));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["internal"]);
    expect(r.diagnostics[0]?.span).toMatchObject({ ...q.spans[0], source: 0 });
  });

  it("compile never throws on input that used to overflow the stack", () => {
    for (const q of [`search ${"(".repeat(400)}a${")".repeat(400)}`, `| makeresults | eval x=${"abs(".repeat(300)}1${")".repeat(300)}`]) {
      expect(() => compile(q)).not.toThrow();
      expect(compile(q).diagnostics[0]?.code).toBe("too-deep");
    }
  });
});
