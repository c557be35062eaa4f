/**
 * EngineClient over `minispl web`'s JSON API (src/web/server.ts). A failed request throws an Error
 * with the server's message, which the app shows in its error panel.
 */
import type { EngineClient, JobStatus, RowsPage, WebCompletion, WebDiagnostic, WebExplanation, WebHover, WebInfo } from "./client.js";

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${path}: ${res.status} ${res.statusText}: ${text.slice(0, 200)}`);
  }
  if (!res.ok) throw new Error((value as { error?: string })?.error ?? `${method} ${path}: ${res.status}`);
  return value as T;
}

export function httpClient(base = "api/"): EngineClient {
  return {
    info: () => call<WebInfo>("GET", `${base}info`),
    diagnostics: (text) => call<WebDiagnostic[]>("POST", `${base}diagnostics`, { text }),
    complete: (text, offset) => call<WebCompletion>("POST", `${base}complete`, { text, offset }),
    hover: (text, offset) => call<WebHover | null>("POST", `${base}hover`, { text, offset }),
    explain: (text) => call<WebExplanation>("POST", `${base}explain`, { text }),
    startSearch: (text) => call<JobStatus>("POST", `${base}jobs`, { text }),
    runDetection: (file) => call<JobStatus>("POST", `${base}jobs`, { detection: file }),
    job: (id) => call<JobStatus>("GET", `${base}jobs/${encodeURIComponent(id)}`),
    cancel: (id) => call<JobStatus>("POST", `${base}jobs/${encodeURIComponent(id)}/cancel`, {}),
    runDrilldowns: (file, fields) => call<JobStatus>("POST", `${base}jobs`, { drilldowns: file, fields }),
    runTests: (file) => call<JobStatus>("POST", `${base}jobs`, { tests: file }),
    rows: (id, offset, count) => call<RowsPage>("GET", `${base}jobs/${encodeURIComponent(id)}/rows?${new URLSearchParams({ offset: String(offset), count: String(count) })}`),
    railroadUrl: async () => "railroad/",
  };
}
