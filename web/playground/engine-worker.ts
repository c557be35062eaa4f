/**
 * The playground's Web Worker: the engine off the page's thread, so typing stays smooth while a
 * search runs and Cancel can stop one (the page terminates this worker and starts another). Node's
 * globals are installed first (node/globals.ts); the samples load at start.
 */
import "./node/globals.js";
import { EngineSession } from "./engine-session.js";
import type { EngineRequest, WorkerMessage } from "./protocol.js";
import { SAMPLE_DETECTIONS, SAMPLE_FILES } from "./samples.js";
import { drilldownsJob, testsJob } from "./session-jobs.js";

let session: EngineSession | null = null;

function answer(req: EngineRequest): unknown {
  session ??= new EngineSession(SAMPLE_FILES, SAMPLE_DETECTIONS);
  switch (req.op) {
    case "info": return session.info();
    case "add": return session.add(req.files);
    case "diagnostics": return session.diagnostics(req.text);
    case "complete": return session.complete(req.text, req.offset);
    case "hover": return session.hover(req.text, req.offset);
    case "explain": return session.explain(req.text);
    case "search": return session.search(req.text, req.key);
    case "detection": return session.detection(req.file, req.key);
    case "rows": return session.kept.page(req.key, req.offset, req.count);
    case "drilldowns": return drilldownsJob(session.context(), req.file, req.fields);
    case "tests": return testsJob(session.context(), req.file);
  }
}

self.onmessage = (e: MessageEvent<{ id: number; req: EngineRequest }>) => {
  let msg: WorkerMessage;
  try {
    msg = { id: e.data.id, value: answer(e.data.req) };
  } catch (err) {
    msg = { id: e.data.id, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(msg);
};
self.postMessage("ready");
