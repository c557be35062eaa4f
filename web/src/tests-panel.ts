/**
 * A detection's tests, run as one job as `minispl test` runs them: per test its status (pass, fail,
 * error), result rows and message, and each attack_data file: loaded (with its events) or why not.
 */
import type { DetectionTestView, EngineClient } from "./client.js";
import { h } from "./dom.js";
import { followJob, jobProblem } from "./poll-job.js";

export async function runTests(client: EngineClient, file: string, panel: HTMLElement, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  const status = h("div", { class: "status" });
  panel.replaceChildren(status);
  try {
    const job = await followJob(client, await client.runTests(file), status);
    const problem = jobProblem(job);
    const tests = job.result?.tests ?? [];
    if (problem) panel.replaceChildren(h("div", { class: "diag diag-error" }, problem));
    else if (tests.length === 0) panel.replaceChildren(h("p", { class: "empty" }, "This detection has no tests."));
    else panel.replaceChildren(h("ul", { class: "tests" }, ...tests.map(testItem)));
  } catch (e) {
    panel.replaceChildren(h("div", { class: "diag diag-error" }, `tests failed: ${(e as Error).message}`));
  } finally {
    button.disabled = false;
  }
}

function testItem(t: DetectionTestView): HTMLElement {
  return h("li", { class: `test test-${t.status}` },
    h("span", { class: `verdict verdict-${t.status}` }, t.status.toUpperCase()), " ",
    h("span", { class: "test-name" }, t.name),
    h("span", { class: "test-rows" }, ` · ${t.rows} row${t.rows === 1 ? "" : "s"} · ${t.durationMs} ms`),
    // An attack-data problem is said once, on its file's line.
    t.attackData.some((a) => a.message === t.message) ? null : h("div", { class: "test-msg" }, t.message),
    h("ul", { class: "attack-data" }, ...t.attackData.map((a) => h("li", { class: a.file && a.message === "loaded" ? "ad-loaded" : "ad-missing" },
      a.file && a.message === "loaded" ? `loaded ${a.file} (${a.events.toLocaleString("en-US")} events)` : a.message,
      h("div", { class: "ad-url" }, a.url)))));
}
