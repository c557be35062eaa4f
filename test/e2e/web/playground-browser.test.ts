/**
 * The browser playground (`npm run build:playground` → dist/playground) in headless Chromium,
 * served as plain static files by a tiny server in this process (127.0.0.1, port 0): the engine
 * runs in the page's Web Worker. A real `.evtx` from ../shared dropped onto the page gives its
 * events; a lesson's check passes with its solution; the seed detection's search over the
 * built-in samples gives its rows. The page must request nothing but the static files (no upload,
 * no other origin, no API) and log no error. Screenshots: test-output/playground-*.png.
 * Skipped with the reason when Chromium is missing or the playground is not built (building it
 * takes longer than a test may: run `npm run build:playground`); the EVTX case is skipped when
 * ../shared is missing.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../support/cli.js";
import { launchChromium, loadChromium, type Launched } from "../../support/chromium.js";
import { screenshot, typeSearch } from "./page-actions.js";
import { seedSearch } from "../../unit/web/web-fixture.js";

const APP = join(ROOT, "dist", "playground");
/** 8 Sysmon records (EventCodes 1, 3, 7, 11, 13): read, never copied into the repository. */
const EVTX = join(ROOT, "..", "shared", "datasets", "evtx_attack_samples_sbousseaden", "evtx", "Execution", "exec_wmic_xsl_internet_sysmon_3_1_11.evtx");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };

const chromium = await loadChromium();
const why = typeof chromium === "string" ? chromium
  : !existsSync(join(APP, "index.html")) ? "the playground is not built (dist/playground): run npm run build:playground" : null;
if (why) console.warn(`playground-browser.test.ts skipped: ${why}`);

/** Serves dist/playground and nothing else; every request is recorded. */
function serveStatic(requests: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(`${req.method} ${path}`);
    const file = normalize(join(APP, path === "/" ? "index.html" : path));
    if (req.method !== "GET" || !file.startsWith(APP + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe.skipIf(why !== null)(`the playground in headless Chromium${why ? ` (skipped: ${why})` : ""}`, () => {
  let server: Server | undefined;
  let launched: Launched | undefined;
  let page: Page;
  const requests: string[] = [];
  const elsewhere: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const [s, l] = await Promise.all([serveStatic(requests), launchChromium(chromium as Exclude<typeof chromium, string>)]);
    server = s;
    launched = l;
    if ("reason" in l) return;
    page = await l.context.newPage();
    const origin = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    await page.route((url) => url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:", async (route) => {
      elsewhere.push(route.request().url());
      await route.abort();
    });
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    await page.goto(`${origin}/`, { waitUntil: "load" });
    // The worker builds the parser and loads the samples first (about 2 s).
    await page.locator("#info", { hasText: "16 events" }).waitFor({ timeout: 20_000 });
  }, 40_000);
  afterAll(async () => {
    if (launched && "context" in launched) await launched.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });


  const shot = (name: string) => screenshot(page, `playground-${name}`);

  async function checked(name: string, body: () => Promise<void>, { skip }: { skip: (reason: string) => void }): Promise<void> {
    if (launched && "reason" in launched) {
      console.warn(`playground-browser.test.ts skipped: ${launched.reason}`);
      return skip(launched.reason);
    }
    try {
      await body();
    } finally {
      await shot(name);
    }
    // Only the static files: nothing uploaded, no API, no other origin.
    expect(elsewhere).toEqual([]);
    expect(requests.filter((r) => !/^GET \/(index\.html)?$|^GET \/assets\/[\w.-]+\.(js|css)$/.test(r))).toEqual([]);
    expect(errors).toEqual([]);
  }

  it("runs the seed detection's search over the built-in samples", (ctx) => checked("seed", async () => {
    await typeSearch(page, seedSearch());
    await page.locator("#run").click();
    const rows = page.locator("#tab-statistics table.stats tbody tr");
    await rows.nth(2).waitFor();
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(cells.map((c) => c[0])).toEqual(["WIN-LAB-07.corp.example", "WIN-LAB-07.corp.example", "unknown"]);
    expect(cells.every((c) => c.includes("scrcons.exe"))).toBe(true);
    expect(await page.locator("#status").textContent()).toMatch(/^3 results \(/);
  }, ctx));

  it("runs a lesson: a wrong search fails the check, the solution passes it", (ctx) => checked("lesson", async () => {
    await page.locator('#lessons button[data-lesson="tstats"]').click();
    await page.locator("#lessons .lesson-try").click();
    await page.locator("#status", { hasText: "6 results" }).waitFor();
    await page.locator("#lessons .lesson-check").click();
    await page.locator("#lessons .lesson-verdict.fail").waitFor();
    expect(await page.locator("#lessons .lesson-verdict").textContent()).toBe("✗ The results have no Processes.dest field: expected Processes.dest, count.");
    await page.locator("#lessons .lesson-solution").click();
    await page.locator("#lessons .lesson-check").click();
    await page.locator("#lessons .lesson-verdict.pass").waitFor();
    expect(await page.locator("#lessons .lesson-verdict").textContent()).toBe("✓ Correct: 2 rows, as expected.");
    await page.locator("#status", { hasText: "2 results" }).waitFor();
  }, ctx));

  it("parses an .evtx dropped onto the page and shows its events", (ctx) => checked("evtx", async () => {
    if (!existsSync(EVTX)) {
      console.warn(`playground-browser.test.ts: EVTX case skipped: ${EVTX} not found (../shared is missing)`);
      return ctx.skip(`${EVTX} not found (../shared is missing)`);
    }
    const bytes = readFileSync(EVTX).toString("base64");
    // A real drop: a DataTransfer holding the file, dispatched on the page as the browser does.
    const transfer = await page.evaluateHandle(({ b64, name }) => {
      // The page's DataTransfer (this file is typed without the DOM library).
      const dt = new (globalThis as unknown as { DataTransfer: new () => { items: { add(f: File): void } } }).DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
      return dt;
    }, { b64: bytes, name: "exec_wmic.evtx" });
    await page.locator("main").dispatchEvent("dragover", { dataTransfer: transfer });
    await page.locator("main").dispatchEvent("drop", { dataTransfer: transfer });
    await page.locator("#loaded .load-report", { hasText: "exec_wmic.evtx · 8 events (evtx)" }).waitFor();
    await page.locator("#info", { hasText: "24 events" }).waitFor();
    // The search bar then shows the dropped file's events.
    await page.locator("#status", { hasText: "8 events" }).waitFor();
    expect(await page.locator("#tab-events table.events tbody tr").count()).toBeGreaterThan(0);
    await typeSearch(page, 'minispl_file="/dropped/exec_wmic.evtx" | stats count by EventCode');
    await page.locator("#run").click();
    const rows = page.locator("#tab-statistics table.stats tbody tr");
    await rows.nth(4).waitFor();
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    // As `minispl search` gives it over the same file (numbers sort as numbers).
    expect(cells).toEqual([["1", "3"], ["3", "2"], ["7", "1"], ["11", "1"], ["13", "1"]]);
  }, ctx));

  it("cancels a long search by restarting the engine, which keeps the loaded files", (ctx) => checked("cancel", async () => {
    const loaded = Number((await page.locator("#info").textContent())?.match(/^(\d+) events/)?.[1]);
    await typeSearch(page, '| makeresults count=1000000 | map maxsearches=1000000000 search="| makeresults | eval n=$_serial_id$"');
    await page.locator("#run").click();
    await page.locator("#status .cancel").click();
    await page.locator("#status .state-cancelled").waitFor();
    expect(await page.locator("#errors").textContent()).toBe("the search was cancelled");
    // A new worker answers, with the samples and every dropped file loaded again.
    await typeSearch(page, "index=* | stats count");
    await page.locator("#run").click();
    await page.locator("#status", { hasText: /^1 result \(/ }).waitFor();
    expect(await page.locator("#tab-statistics table.stats tbody td").allTextContents()).toEqual([String(loaded)]);
  }, ctx));
  it("draws the railroad diagram offline, pages a result, and tests the seed detection over a dropped file", (ctx) => checked("explain-tests", async () => {
    await typeSearch(page, "| makeresults | eval x=1");
    await page.locator('#tabs button[data-tab="explain"]').click();
    await page.frameLocator("#tab-explain iframe.railroad").locator(".diagramHeader", { hasText: /^assignments$/ }).waitFor();
    // Rows past the 500 a result carries come from the worker's kept result.
    await typeSearch(page, "| makeresults count=650 | streamstats count as n | table n");
    await page.locator("#run").click();
    const label = page.locator("#tab-statistics .page-label");
    await label.filter({ hasText: "results 1–100 of 650" }).waitFor();
    for (let i = 0; i < 5; i++) await page.locator("#tab-statistics .page-next").click();
    await label.filter({ hasText: "results 501–600 of 650" }).waitFor();
    expect(await page.locator("#tab-statistics table.stats tbody tr").first().textContent()).toBe("501");
    await page.locator('#tabs button[data-tab="detections"]').click();
    const item = page.locator("#tab-detections ul.detections > li", { hasText: "Script Execution via WMI" });
    await item.locator(".det-tests-run").click();
    await item.locator("li.test .verdict", { hasText: "ERROR" }).waitFor();
    expect(await item.locator(".ad-missing").first().textContent()).toMatch(/^not loaded: drop windows-sysmon\.log onto the page/);
    // The attack data's file, dropped under its name: the test passes.
    await page.locator("#file-input").setInputFiles({ name: "windows-sysmon.log", mimeType: "text/plain", buffer: readFileSync(join(ROOT, "samples", "data", "sysmon.xml")) });
    await page.locator("#loaded", { hasText: "windows-sysmon.log" }).waitFor();
    await page.locator('#tabs button[data-tab="detections"]').click();
    await item.locator(".det-tests-run").click();
    await item.locator("li.test .verdict", { hasText: "PASS" }).waitFor();
    expect(await item.locator(".ad-loaded").textContent()).toMatch(/^loaded windows-sysmon\.log \(\d+ events\)/);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
  }, ctx));
});
