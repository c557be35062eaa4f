/**
 * The worker side of AsyncEngine (async-engine.ts): one Engine, driven by messages. Searches run
 * here, so the caller's event loop stays free; each search carries a SharedArrayBuffer flag that
 * the caller's thread sets to cancel it (the search's budget reads it between commands and in
 * long loops). An exception ends that one request with an error answer, not the worker.
 */
import { parentPort, workerData } from "node:worker_threads";
import { Engine, type EngineOptions, type SearchOptions } from "./engine.js";
import type { AsyncRequest, AsyncResponse, StoreSummary } from "./async-engine.js";

function serve(options: EngineOptions): void {
  const port = parentPort;
  if (!port) return;
  const engine = new Engine(options);
  port.on("message", (req: AsyncRequest) => {
    let answer: AsyncResponse;
    try {
      answer = { id: req.id, value: run(engine, req) };
    } catch (e) {
      answer = { id: req.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(answer);
  });
}

function run(engine: Engine, req: AsyncRequest): unknown {
  switch (req.op) {
    case "loadData":
      engine.loadData(req.paths, req.ingest);
      return engine.lastReport;
    case "loadMacros":
      engine.loadMacros(req.paths);
      return null;
    case "defineMacros":
      engine.defineMacros(req.defs);
      return null;
    case "openIndex":
      engine.openIndex(req.dir);
      return null;
    case "storeSummary":
      return { events: engine.store.length, fields: engine.store.fieldNames() } satisfies StoreSummary;
    case "search":
      started(req.id);
      return engine.search(req.spl, searchOptions(req));
    case "runDetection":
      started(req.id);
      return engine.runDetection(req.yamlOrPath, searchOptions(req));
  }
}

/** Tells the caller this search is the one running now (its stop timers start here). */
function started(id: number): void {
  parentPort?.postMessage({ id, started: true } satisfies AsyncResponse);
}

function searchOptions(req: { limits: SearchOptions; cancel: SharedArrayBuffer }): SearchOptions {
  return { ...req.limits, cancelFlag: new Int32Array(req.cancel), cancelledBy: "AbortSignal" };
}

serve((workerData ?? {}) as EngineOptions);
