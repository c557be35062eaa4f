/**
 * A REPL session outlives a failing entry (issue 10): an exception in the engine, in-process or in
 * the worker, is one `error[internal]` line and the prompt goes on; the stack only with --debug.
 */
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { builtinMacros } from "../../../src/index.js";
import { InProcessEngine } from "../../../src/repl/engine-client.js";
import { LocalEngine, type Reply } from "../../../src/repl/engine.js";
import { Repl } from "../../../src/repl/repl.js";
import { serveEngine } from "../../../src/repl/worker-host.js";

/** A LocalEngine whose `explain` throws: a stand-in for any bug below the REPL. */
class BrokenEngine extends LocalEngine {
  override explain(): Reply {
    throw new TypeError("explain exploded");
  }
}

const setup = () => ({ macros: builtinMacros(), run: { now: 1_700_000_000 }, ingest: {} });

function session(debug: boolean): { repl: Repl; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s), color: false, width: () => 80 };
  const repl = new Repl(new InProcessEngine(new BrokenEngine(setup())), io, { format: "table", time: false, debug });
  return { repl, out: () => out, err: () => err };
}

describe("the REPL after an exception", () => {
  it.each([
    [false, false],
    [true, true],
  ])("debug %s: one error line (stack shown: %s), then the next entry runs", async (debug, stack) => {
    const s = session(debug);
    expect(await s.repl.handle(".explain | makeresults")).toBe("continue");
    expect(s.err()).toContain("error[internal]: this entry: internal error while running the search: TypeError: explain exploded");
    expect(s.err().includes("    at ")).toBe(stack);
    expect(await s.repl.handle('| makeresults | eval x="still here" | table x')).toBe("continue");
    expect(s.out()).toContain("still here");
  });

  it("a too-deep search is a diagnostic, not an exception", async () => {
    const s = session(false);
    await s.repl.handle(`| makeresults | eval x=${"(".repeat(500)}1${")".repeat(500)}`);
    expect(s.err()).toContain("error[too-deep]");
    expect(s.err()).not.toContain("internal");
  });
});

describe("the worker host", () => {
  const ask = (port: MessagePort, id: number, op: string, args: unknown[] = []) =>
    new Promise<unknown>((resolve) => {
      const on = (m: { id: number; value?: unknown }) => {
        if (m.id !== id || !("value" in m)) return;
        port.off("message", on);
        resolve(m.value);
      };
      port.on("message", on);
      port.postMessage({ id, op, args });
    });

  it("answers a request that throws with an error reply and keeps serving", async () => {
    const { port1, port2 } = new MessageChannel();
    serveEngine(port2, () => ({ engine: new BrokenEngine(setup()), reply: { out: "", err: "", ok: true } }));
    try {
      await ask(port1, 1, "init");
      const failed = (await ask(port1, 2, "explain", ["| makeresults", false])) as Reply;
      expect(failed.ok).toBe(false);
      expect(failed.err).toContain("error[internal]: .explain: internal error while running the search: TypeError: explain exploded");
      const ran = (await ask(port1, 3, "run", [{ spl: "| makeresults count=2", format: "csv", width: 80, color: false }])) as Reply;
      expect(ran.rows).toBe(2);
    } finally {
      port1.close();
      port2.close();
    }
  });
});
