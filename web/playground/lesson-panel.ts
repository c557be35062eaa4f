/**
 * The lessons panel: a lesson's explanation and task; "Try the example" puts its query in the
 * search bar and runs it, "Check my search" runs what the search bar holds and says whether it
 * returns the expected rows, "Show solution" fills in the answer.
 */
import type { EngineClient, JobStatus, SearchResultView } from "../src/client.js";
import { h } from "../src/dom.js";
import type { AppHandle } from "../src/main.js";
import { checkLesson } from "./lesson-check.js";
import type { Lesson } from "./lessons.js";

export function renderLessons(root: HTMLElement, lessons: readonly Lesson[], client: EngineClient, app: AppHandle): void {
  const body = h("div", { class: "lesson-body" });
  const list = h("nav", { class: "lesson-list" }, ...lessons.map((l) => {
    const b = h("button", { "data-lesson": l.id }, l.title);
    b.addEventListener("click", () => open(l, b));
    return b;
  }));
  root.replaceChildren(h("h2", {}, "Lessons"), list, body);

  function open(l: Lesson, button: HTMLElement): void {
    for (const b of list.querySelectorAll("button")) b.classList.toggle("active", b === button);
    const verdict = h("div", { class: "lesson-verdict" });
    const tryIt = h("button", { class: "lesson-try" }, "Try the example");
    const check = h("button", { class: "lesson-check" }, "Check my search");
    const solve = h("button", { class: "lesson-solution" }, "Show solution");
    tryIt.addEventListener("click", () => {
      app.setText(l.query);
      void app.run();
    });
    solve.addEventListener("click", () => app.setText(l.solution));
    check.addEventListener("click", () => void runCheck(l, verdict));
    body.replaceChildren(
      h("h3", {}, l.title),
      ...l.explanation.map((p) => paragraph(p)),
      h("pre", { class: "lesson-query" }, l.query),
      h("p", { class: "lesson-task" }, h("strong", {}, "Your task: "), l.task),
      h("div", { class: "lesson-actions" }, tryIt, check, solve),
      verdict,
    );
  }

  async function runCheck(l: Lesson, verdict: HTMLElement): Promise<void> {
    verdict.className = "lesson-verdict";
    verdict.textContent = "Checking…";
    void app.run();
    try {
      const result = await finished(client, await client.startSearch(app.text()));
      const v = checkLesson(l, result);
      verdict.className = `lesson-verdict ${v.pass ? "pass" : "fail"}`;
      verdict.textContent = `${v.pass ? "✓" : "✗"} ${v.message}`;
    } catch (e) {
      verdict.className = "lesson-verdict fail";
      verdict.textContent = `✗ ${(e as Error).message}`;
    }
  }
}

async function finished(client: EngineClient, job: JobStatus): Promise<SearchResultView> {
  let j = job;
  for (let wait = 10; j.state === "running"; wait = Math.min(200, wait * 2)) {
    await new Promise((r) => setTimeout(r, wait));
    j = await client.job(j.id);
  }
  if (!j.result) throw new Error(j.error ?? `the search ${j.state}`);
  return j.result;
}

/** A paragraph with `code` spans (text only: never HTML from the lesson). */
function paragraph(text: string): HTMLElement {
  return h("p", {}, ...text.split(/(`[^`]+`)/).map((part) => (part.startsWith("`") && part.endsWith("`") && part.length > 1 ? h("code", {}, part.slice(1, -1)) : part)));
}
