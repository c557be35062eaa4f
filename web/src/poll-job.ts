/**
 * A job followed to its end in a status element: a spinner, the time it has run and a Cancel
 * button while it runs (polls start fast — most searches take milliseconds — and slow down).
 * Used by the search bar and by the detections tab's drilldowns and tests, which run beside it.
 */
import type { EngineClient, JobStatus } from "./client.js";
import { h } from "./dom.js";

const POLL_FIRST_MS = 20;
const POLL_MAX_MS = 250;

/**
 * Polls the started job until it is no longer running; a failed request throws. `wanted` false
 * (a newer search took the status element over) stops following: null, the element left alone.
 */
export function followJob(client: EngineClient, started: JobStatus, status: HTMLElement): Promise<JobStatus>;
export function followJob(client: EngineClient, started: JobStatus, status: HTMLElement, wanted: () => boolean): Promise<JobStatus | null>;
export async function followJob(client: EngineClient, started: JobStatus, status: HTMLElement, wanted: () => boolean = () => true): Promise<JobStatus | null> {
  let job = started;
  const cancel = h("button", { class: "cancel" }, "Cancel");
  cancel.addEventListener("click", () => void client.cancel(job.id).catch(() => undefined));
  const progress = h("span", { class: "progress" });
  status.replaceChildren(h("span", { class: "spinner" }), progress, cancel);
  try {
    for (let wait = POLL_FIRST_MS; job.state === "running"; wait = Math.min(POLL_MAX_MS, wait * 2)) {
      progress.textContent = `Running… ${(job.elapsedMs / 1000).toFixed(1)} s`;
      await new Promise((r) => setTimeout(r, wait));
      if (!wanted()) return null;
      job = await client.job(job.id);
    }
  } finally {
    if (wanted()) status.replaceChildren();
  }
  return wanted() ? job : null;
}

/** The job's failure as one line, or null when it finished with a result. */
export function jobProblem(job: JobStatus): string | null {
  if (job.state === "cancelled") return "Cancelled.";
  if (!job.result) return job.error ?? `the job ${job.state}`;
  if (!job.result.ok) return job.result.diagnostics.map((d) => d.message).join("; ") || `the job ${job.state}`;
  return null;
}
