/**
 * The worker side of WorkerEngine: answers EngineRequests with a LocalEngine. `init` builds the
 * engine with `makeEngine` (which reads macro, lookup and GeoIP files, so it lives with the CLI)
 * and must come first; progress lines of `load` are sent as they happen.
 */
import type { MessagePort } from "node:worker_threads";
import type { EngineRequest, EngineResponse } from "./engine-client.js";
import type { EngineCatalog, LocalEngine, Reply, RunRequest } from "./engine.js";
import { renderInternal } from "../diagnostics/internal-error.js";

export function serveEngine(port: MessagePort, makeEngine: () => { engine: LocalEngine | null; reply: Reply }, opts: { debug?: boolean } = {}): void {
  let engine: LocalEngine | null = null;
  const send = (m: EngineResponse) => port.postMessage(m);
  port.on("message", (req: EngineRequest) => {
    let value: unknown;
    try {
      value = answer(req);
    } catch (e) {
      // An exception ends this one request with an error reply; the worker, and the session, go on.
      const err = renderInternal(e, req.op === "run" ? "search" : `.${req.op}`, "running", { debug: opts.debug === true });
      // The completer's catalog is not a reply: an empty one keeps Tab working.
      value = req.op === "catalog" ? ({ macros: [], fields: [] } satisfies EngineCatalog) : ({ out: "", err, ok: false } satisfies Reply);
    }
    send({ id: req.id, value });
  });

  function answer(req: EngineRequest): unknown {
    if (req.op === "init") {
      const made = makeEngine();
      engine = made.engine;
      return made.reply;
    }
    if (!engine) return { out: "", err: "error: the engine did not start\n", ok: false } satisfies Reply;
    const [a, b, c] = req.args;
    switch (req.op) {
      case "load":
        return engine.load(a as string[], (line) => send({ id: req.id, progress: line }));
      case "run":
        return engine.run(a as RunRequest);
      case "explain":
        return engine.explain(String(a), Boolean(b));
      case "macros":
        return engine.macros(String(a));
      case "fields":
        return engine.fields(String(a), Number(b), Boolean(c));
      case "datamodels":
        return engine.datamodels(Number(a), Boolean(b));
      case "catalog":
        return engine.catalog();
    }
  }
}
