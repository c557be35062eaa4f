/**
 * `minispl web`'s HTTP server (Node's http module): the single-page app's files and a small JSON
 * API over the engine (api.ts has the shapes). It listens on 127.0.0.1 only and answers only
 * requests addressed to it by that name (or localhost), so that another web page cannot reach the
 * loaded data through the browser (DNS rebinding); API writes need a JSON body, which a plain
 * HTML form cannot send.
 *
 *   GET  /api/info                 events, fields, macros, detections, load warnings
 *   POST /api/diagnostics {text}   the editor's diagnostics (src/editor)
 *   POST /api/complete {text, offset}   completions;  POST /api/hover {text, offset}
 *   POST /api/explain {text}       expanded search, pipeline, plan, railroad rules
 *   POST /api/jobs {text} | {detection: file} | {drilldowns: file, fields} | {tests: file}
 *                                  starts a search (a detection, a notable's drilldowns, its tests);
 *   GET  /api/jobs/:id polls it;   POST /api/jobs/:id/cancel stops it
 *   GET  /api/jobs/:id/rows?offset=&count=   a page of a finished job's rows
 *   GET  /railroad/                the grammar's railroad diagrams
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { MacroTable } from "../index.js";
import type { CellValue, WebInfo } from "./api.js";
import type { ListedDetection } from "./detection-list.js";
import { explainText } from "./explain.js";
import { JobTable } from "./jobs.js";
import { KEEP_RESULTS, pageProblem } from "./kept-results.js";
import { LanguageServices } from "./language.js";
import { railroadPage } from "./railroad.js";
import { appDir, diagramsDir, readStatic } from "./static-files.js";
import type { EngineReady, WebEngine } from "./web-engine.js";

/** Larger request bodies are refused (a search is text; 1 MB is far more than any). */
const MAX_BODY = 1_048_576;

export interface WebServerSetup {
  readonly engine: WebEngine;
  readonly macros: MacroTable;
  readonly detections: readonly ListedDetection[];
  /** Warnings from loading the macros and detections. */
  readonly warnings: string;
  /** The built app's folder (default: found beside the package's dist/web). */
  readonly appDir?: string | null;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Settles when the engine has loaded its inputs (or failed to: `ok` false, `log` says why). */
  readonly ready: Promise<EngineReady>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Starts listening on 127.0.0.1:`port` (0: any free port); the engine loads in the background. */
export async function startWebServer(setup: WebServerSetup, port: number): Promise<RunningServer> {
  const jobs = new JobTable();
  const language = new LanguageServices(setup.macros);
  const app = setup.appDir === undefined ? appDir() : setup.appDir;
  const diagrams = diagramsDir();
  const ready = setup.engine.init().then((r) => {
    language.setFields(r.fields);
    return r;
  }, (e: Error): EngineReady => ({ ok: false, events: 0, fields: [], log: `error: the engine did not start: ${e.message}\n` }));

  /** Detections are run by the file names /api/info listed, never by a path the page chooses. */
  const listed = (file: string): string => {
    if (!setup.detections.some((d) => d.file === file)) throw new HttpError(404, "no such detection (the page can run only the detections listed by /api/info)");
    return file;
  };

  const api: Record<string, (body: Record<string, unknown>, id: string, query: URLSearchParams) => unknown> = {
    "GET info": async () => {
      const r = await ready;
      return { ok: r.ok, events: r.events, fields: r.fields, macros: [...new Set(setup.macros.values().map((m) => m.name))].sort(), detections: setup.detections, warnings: setup.warnings + r.log } satisfies WebInfo;
    },
    "POST diagnostics": (b) => language.diagnostics(text(b)),
    "POST complete": (b) => language.complete(text(b), offset(b)),
    "POST hover": (b) => language.hover(text(b), offset(b)),
    "POST explain": (b) => explainText(text(b), setup.macros),
    "POST jobs": (b) => {
      if (typeof b.detection === "string") {
        const file = listed(b.detection);
        return jobs.start((signal, id) => setup.engine.detection(file, signal, id));
      }
      if (typeof b.drilldowns === "string") {
        const file = listed(b.drilldowns);
        const fields = rowFields(b.fields);
        return jobs.start((signal) => setup.engine.drilldowns(file, fields, signal));
      }
      if (typeof b.tests === "string") {
        const file = listed(b.tests);
        return jobs.start((signal) => setup.engine.tests(file, signal));
      }
      const spl = text(b);
      return jobs.start((signal, id) => setup.engine.search(spl, signal, id));
    },
    "GET job": (_b, id) => jobs.get(id) ?? notFound(id),
    "GET rows": async (_b, id, query) => {
      const offset = wholeNumber(query, "offset", 0);
      const count = wholeNumber(query, "count", 100);
      const problem = pageProblem(offset, count);
      if (problem) throw new HttpError(400, problem);
      const job = jobs.get(id) ?? notFound(id);
      if (job.state !== "done" || !job.result?.ok) throw new HttpError(409, `job ${id} has no rows to page (it is ${job.state})`);
      const page = await setup.engine.rows(id, offset, count);
      if (page === null) throw new HttpError(410, `job ${id}'s rows are no longer kept (only the last ${KEEP_RESULTS} results are): run the search again`);
      if ("error" in page) throw new HttpError(400, page.error);
      return page;
    },
    "POST cancel": (_b, id) => jobs.cancel(id) ?? notFound(id),
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => send(res, e instanceof HttpError ? e.status : 500, { error: e instanceof Error ? e.message : String(e) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    if (host !== "127.0.0.1" && host !== "localhost") throw new HttpError(421, "this server answers only http://127.0.0.1");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    if (path.startsWith("/api/")) {
      const { key, id } = route(req.method ?? "GET", path.slice(5));
      const handler = api[key];
      if (!handler) throw new HttpError(404, `no such API: ${req.method} ${path}`);
      const body = req.method === "POST" ? await readJson(req) : {};
      send(res, 200, await handler(body, id, url.searchParams));
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") throw new HttpError(405, "only GET");
    if (path === "/railroad/" || path === "/railroad") return sendText(res, 200, railroadPage(), "text/html; charset=utf-8");
    const file = path.startsWith("/railroad/") ? (diagrams ? readStatic(diagrams, path.slice("/railroad/".length)) : null) : app ? readStatic(app, path) : null;
    if (file) return sendText(res, 200, file.body, file.type);
    if (!app && (path === "/" || path === "/index.html")) return sendText(res, 503, NOT_BUILT, "text/html; charset=utf-8");
    throw new HttpError(404, `not found: ${path}`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${bound}/`, port: bound, ready, close: () => closeServer(server, jobs, setup.engine) };
}

/** `jobs/j3` → GET job, `jobs/j3/cancel` → POST cancel, `jobs/j3/rows` → GET rows, `info` → GET info. */
function route(method: string, rest: string): { key: string; id: string } {
  const m = /^jobs\/([A-Za-z0-9]+)(?:\/(cancel|rows))?$/.exec(rest);
  if (m) return { key: `${method} ${m[2] ?? "job"}`, id: m[1] as string };
  return { key: `${method} ${rest}`, id: "" };
}

function text(b: Record<string, unknown>): string {
  if (typeof b.text !== "string") throw new HttpError(400, "the body needs a string field \"text\"");
  return b.text;
}

function offset(b: Record<string, unknown>): number {
  if (typeof b.offset !== "number" || !Number.isFinite(b.offset)) throw new HttpError(400, "the body needs a number field \"offset\"");
  return b.offset;
}

/** A notable's row as the page sends it back: field → a value or a list of values. */
function rowFields(v: unknown): Record<string, CellValue> {
  const atom = (x: unknown) => x === null || typeof x === "string" || typeof x === "number" || typeof x === "boolean";
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new HttpError(400, "the body needs an object field \"fields\" (the notable's row)");
  for (const [k, x] of Object.entries(v)) {
    if (!atom(x) && !(Array.isArray(x) && x.every(atom))) throw new HttpError(400, `fields.${k}: expected a string, number, boolean, null or a list of them`);
  }
  return v as Record<string, CellValue>;
}

/** A query parameter that must be a whole number (`fallback` when absent). */
function wholeNumber(query: URLSearchParams, name: string, fallback: number): number {
  const v = query.get(name);
  if (v === null) return fallback;
  if (!/^\d{1,15}$/.test(v)) throw new HttpError(400, `${name} must be a whole number ≥ 0, not ${JSON.stringify(v)}`);
  return Number(v);
}

function notFound(id: string): never {
  throw new HttpError(404, `no such job: ${id} (finished jobs are kept for a while only)`);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers["content-type"] ?? "").startsWith("application/json")) throw new HttpError(415, "send the body as application/json");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, "the request body is too large");
    chunks.push(c as Buffer);
  }
  let v: unknown;
  try {
    v = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  } catch {
    throw new HttpError(400, "the body is not JSON");
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new HttpError(400, "the body must be a JSON object");
  return v as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return void res.end();
  sendText(res, status, JSON.stringify(value ?? null), "application/json; charset=utf-8");
}

function sendText(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(body);
}

async function closeServer(server: Server, jobs: JobTable, engine: WebEngine): Promise<void> {
  jobs.cancelAll();
  await engine.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>minispl web</title>
<p>The web app was not built: run <code>npm run build</code> in the minispl package (it builds dist/web/app with Vite). The API under /api/ works.</p>`;
