/**
 * The playground's EngineClient: the same interface the app uses over HTTP (src/web/api.ts),
 * answered by the engine worker in this page. Jobs live here: a search is a promise to the worker,
 * polled by the app like the server's jobs; cancelling one restarts the worker (worker-engine.ts).
 */
import type { EngineClient, JobStatus, SearchResultView } from "../src/client.js";
import type { WorkerEngine } from "./worker-engine.js";

interface Job {
  status: JobStatus;
  readonly started: number;
}

const CANCELLED = "the search was cancelled";

export function workerClient(engine: WorkerEngine): EngineClient {
  const jobs = new Map<string, Job>();
  let next = 1;

  function start(run: (id: string) => Promise<SearchResultView>): JobStatus {
    const id = `p${next++}`;
    const job: Job = { status: { id, state: "running", elapsedMs: 0 }, started: performance.now() };
    jobs.set(id, job);
    // Only the newest jobs are kept: the app asks for a job until it finishes, then never again.
    for (const old of [...jobs.keys()].slice(0, -20)) jobs.delete(old);
    const elapsed = () => Math.round(performance.now() - job.started);
    run(id).then(
      (result) => {
        if (job.status.state === "running") job.status = { id, state: result.ok ? "done" : "failed", result, elapsedMs: elapsed() };
      },
      (e: Error) => {
        if (job.status.state === "running") job.status = { id, state: "failed", error: e.message, elapsedMs: elapsed() };
      },
    );
    return job.status;
  }

  function status(id: string): JobStatus {
    const job = jobs.get(id);
    if (!job) throw new Error(`no such job: ${id}`);
    return job.status.state === "running" ? { ...job.status, elapsedMs: Math.round(performance.now() - job.started) } : job.status;
  }

  return {
    info: () => engine.call({ op: "info" }),
    diagnostics: (text) => engine.call({ op: "diagnostics", text }),
    complete: (text, offset) => engine.call({ op: "complete", text, offset }),
    hover: (text, offset) => engine.call({ op: "hover", text, offset }),
    explain: (text) => engine.call({ op: "explain", text }),
    // A job's id keys its table in the worker, which keeps the newest few for paging.
    startSearch: async (text) => start((key) => engine.call({ op: "search", text, key })),
    runDetection: async (file) => start((key) => engine.call({ op: "detection", file, key })),
    runDrilldowns: async (file, fields) => start(() => engine.call({ op: "drilldowns", file, fields })),
    // Attack data comes from the dropped files, by the file name each attack_data URL ends in.
    runTests: async (file) => start(() => engine.call({ op: "tests", file })),
    rows: async (id, offset, count) => {
      const page = await engine.call({ op: "rows", key: id, offset, count });
      if (page === null) throw new Error(`job ${id}'s rows are no longer kept (only the newest results are): run the search again`);
      if ("error" in page) throw new Error(page.error);
      return page;
    },
    job: async (id) => status(id),
    cancel: async (id) => {
      const job = jobs.get(id);
      if (job?.status.state === "running") {
        job.status = { id, state: "cancelled", error: CANCELLED, elapsedMs: Math.round(performance.now() - job.started) };
        engine.restart(CANCELLED);
      }
      return status(id);
    },
    // The diagram page, built here from the bundled grammar (its own chunk, loaded on first use).
    railroadUrl: () => import("./railroad-page.js").then((m) => m.railroadPageUrl()),
  };
}
