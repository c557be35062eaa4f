/**
 * The playground page: the same app as `minispl web` (web/src/main.ts) over an in-browser
 * EngineClient (the engine in a Web Worker), plus what a static page needs: files dropped onto the
 * page are parsed here and never leave the browser, and lessons over the built-in samples.
 */
import "./playground.css";
import { h } from "../src/dom.js";
import { startApp } from "../src/main.js";
import { acceptDrops, readDropped } from "./drop-files.js";
import { renderLessons } from "./lesson-panel.js";
import { LESSONS } from "./lessons.js";
import type { LoadReport } from "./protocol.js";
import { workerClient } from "./worker-client.js";
import { WorkerEngine } from "./worker-engine.js";

const engine = new WorkerEngine(() => new Worker(new URL("./engine-worker.ts", import.meta.url), { type: "module", name: "minispl-engine" }));
const client = workerClient(engine);

const input = h("input", { type: "file", multiple: "", id: "file-input", accept: ".evtx,.xml,.json,.jsonl,.ndjson,.log,.txt,.gz" });
const loaded = h("div", { id: "loaded", class: "loaded" });
const drop = h("section", { id: "drop", class: "drop" },
  h("p", {}, h("strong", {}, "Drop .evtx, XmlWinEventLog .xml or JSON-lines files anywhere on this page"), " (or ", h("label", { for: "file-input", class: "pick" }, "choose files"), ")."),
  h("p", { class: "private" }, "They are parsed in your browser: nothing is uploaded. Built-in samples: samples/data (Sysmon, Security, NXLog, CrowdStrike)."),
  input, loaded);
const lessons = h("aside", { id: "lessons", class: "lessons" });
const main = document.querySelector("main") as HTMLElement;
main.before(h("div", { class: "playground" }, drop, lessons));
document.querySelector(".brand")?.append(" playground");

const app = startApp(client);
renderLessons(lessons, LESSONS, client, app);

async function load(files: File[]): Promise<void> {
  loaded.replaceChildren(h("p", {}, `Reading ${files.length} file${files.length === 1 ? "" : "s"}…`));
  try {
    const reports = await engine.addFiles(await readDropped(files));
    loaded.replaceChildren(...reports.map(reportLine));
    app.refreshInfo();
    // As Splunk's "Start searching" after adding data: the new events.
    const names = reports.filter((r) => r.events > 0).map((r) => `minispl_file="/dropped/${r.file}"`);
    if (names.length) {
      app.setText(names.join(" OR "));
      void app.run();
    }
  } catch (e) {
    loaded.replaceChildren(h("p", { class: "load-error" }, `Could not load: ${(e as Error).message}`));
  }
}

function reportLine(r: LoadReport): HTMLElement {
  const skipped = r.skippedCount ? ` · ${r.skippedCount} skipped` : "";
  return h("div", { class: `load-report${r.events === 0 ? " load-error" : ""}` },
    h("span", { class: "load-file" }, r.file), ` · ${r.events.toLocaleString("en-US")} events (${r.format})${skipped}`,
    ...(r.skipped.length ? [h("pre", { class: "load-skips" }, r.skipped.join("\n"))] : []));
}

input.addEventListener("change", () => {
  const files = Array.from(input.files ?? []);
  input.value = "";
  if (files.length) void load(files);
});
acceptDrops(document.body, (files) => void load(files));
