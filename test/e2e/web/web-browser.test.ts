/**
 * `minispl web` in a real browser (headless Chromium through playwright-core), the server started
 * in this process over samples/data: the seed detection's search typed into the search bar gives
 * its rows in the statistics tab; `| statz` gets a squiggle whose tooltip is the CLI's message and
 * hint; `Processes.` completes datamodel fields; an events search shows its events, the field
 * sidebar and the timeline, and a sidebar value narrows the search. The page must ask nothing of
 * any other origin and log no error. Screenshots: test-output/web-*.png (also when a check fails).
 * Skipped with the reason when Chromium is missing or the app was not built (`npm run build`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveWeb } from "../../../src/web/serve.js";
import type { RunningServer } from "../../../src/web/server.js";
import { appDir } from "../../../src/web/static-files.js";
import { DRILLDOWN_DETECTION, writeDetectionFixture } from "../../unit/web/detection-fixture.js";
import { seedSearch, webOptions, WORKER_URL } from "../../unit/web/web-fixture.js";
import { launchChromium, loadChromium, type Launched } from "../../support/chromium.js";
import { screenshot, typeSearch } from "./page-actions.js";

const chromium = await loadChromium();
const why = typeof chromium === "string" ? chromium : appDir() === null ? "the web app is not built (dist/web/app): run npm run build" : null;
if (why) console.warn(`web-browser.test.ts skipped: ${why}`);

describe.skipIf(why !== null)(`minispl web in headless Chromium${why ? ` (skipped: ${why})` : ""}`, () => {
  let server: RunningServer | undefined;
  let launched: Launched | undefined;
  let page: Page;
  const offline: string[] = [];
  const errors: string[] = [];
  // A detection with drilldowns and tests, and its attack data (detection-fixture.ts).
  const dir = mkdtempSync(join(tmpdir(), "minispl-web-browser-"));
  const fx = writeDetectionFixture(dir);

  beforeAll(async () => {
    const opts = { ...webOptions(), detections: ["samples/detections/", fx.detections], attackData: fx.attackData };
    // Chromium starts in its own process while the engine loads in its worker.
    const [s, l] = await Promise.all([serveWeb(opts, { workerUrl: WORKER_URL }), launchChromium(chromium as Exclude<typeof chromium, string>)]);
    server = s;
    launched = l;
    if ("reason" in l) return;
    page = await l.context.newPage();
    const origin = new URL(s.url).origin;
    await page.route((url) => url.origin !== origin && url.protocol !== "data:", async (route) => {
      offline.push(route.request().url());
      await route.abort();
    });
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    await page.goto(s.url, { waitUntil: "load" });
    await page.locator("#info", { hasText: "16 events" }).waitFor();
  });
  afterAll(async () => {
    if (launched && "context" in launched) await launched.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });


  const shot = (name: string) => screenshot(page, `web-${name}`);

  async function checked(name: string, body: () => Promise<void>, { skip }: { skip: (reason: string) => void }): Promise<void> {
    if (launched && "reason" in launched) {
      console.warn(`web-browser.test.ts skipped: ${launched.reason}`);
      return skip(launched.reason);
    }
    try {
      await body();
    } finally {
      await shot(name);
    }
  }

  it("runs the seed detection's search and shows its rows in the statistics tab", (ctx) => checked("statistics", async () => {
    await typeSearch(page, seedSearch());
    await page.locator("#run").click();
    const rows = page.locator("#tab-statistics table.stats tbody tr");
    await rows.nth(2).waitFor();
    expect(await page.locator("#tabs button.active").textContent()).toBe("Statistics");
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(cells.map((c) => c[0])).toEqual(["WIN-LAB-07.corp.example", "WIN-LAB-07.corp.example", "unknown"]);
    expect(cells.every((c) => c.includes("scrcons.exe"))).toBe(true);
    expect(await page.locator("#status").textContent()).toMatch(/^3 results \(/);
  }, ctx));

  it("shows a diagnostic with its message and hint for | statz", (ctx) => checked("diagnostic", async () => {
    await typeSearch(page, "| statz");
    const squiggle = page.locator(".cm-lintRange-error");
    await squiggle.waitFor();
    expect(await squiggle.textContent()).toBe("statz");
    await squiggle.hover();
    const tip = page.locator(".cm-tooltip-lint");
    await tip.waitFor();
    expect(await tip.textContent()).toContain('error[unknown-command]: unknown command "statz"');
    expect(await tip.textContent()).toContain('= hint: did you mean "stats"?');
    // Run anyway: the error panel shows the rendered diagnostic, never a blank page.
    await page.keyboard.press("Escape");
    await page.locator("#run").click();
    await page.locator("#errors .diag-error").waitFor();
    // As the CLI renders it: the message, the caret under `statz`, the hint.
    expect(await page.locator("#errors").textContent()).toBe('error[unknown-command]: unknown command "statz"\n --> query:1:3\n  |\n1 | | statz\n  |   ^^^^^\n  = hint: did you mean "stats"?');
  }, ctx));

  it("completes Processes. with the datamodel's fields", (ctx) => checked("completion", async () => {
    await typeSearch(page, "| tstats count from datamodel=Endpoint.Processes by Processes.");
    await page.keyboard.press("Control+Space");
    const options = page.locator(".cm-tooltip-autocomplete li");
    await options.first().waitFor();
    const labels = await options.evaluateAll((lis) => lis.map((li) => li.querySelector(".cm-completionLabel")?.textContent ?? ""));
    expect(labels).toEqual(expect.arrayContaining(["Processes.process_name", "Processes.dest", "Processes.user"]));
  }, ctx));

  it("explains the search (plan, railroad diagram) and runs a detection from the detections tab", (ctx) => checked("detections", async () => {
    await typeSearch(page, "| makeresults | eval x=1");
    await page.locator('#tabs button[data-tab="explain"]').click();
    await page.locator("#tab-explain pre.explain", { hasText: "plan:" }).waitFor();
    const diagram = page.frameLocator("#tab-explain iframe.railroad");
    await diagram.locator(".diagramHeader", { hasText: /^assignments$/ }).waitFor();
    await page.locator('#tabs button[data-tab="detections"]').click();
    await page.locator("#tab-detections li", { hasText: "Script Execution via WMI" }).locator(".det-run").click();
    await page.locator("#tab-detections .verdict", { hasText: "test verdict: pass" }).waitFor();
    expect(await page.locator("#tab-detections .notable-msg").allTextContents()).toEqual([
      "A wmic.exe process scrcons.exe that execute script in host WIN-LAB-07.corp.example",
      "A wmic.exe process scrcons.exe that execute script in host WIN-LAB-07.corp.example",
      "A wmic.exe process scrcons.exe that execute script in host unknown",
    ]);
    expect(await page.locator(".cm-content").textContent()).toMatch(/^\| tstats `security_content_summariesonly` count/);
  }, ctx));

  it("shows a long search's progress and cancels it", (ctx) => checked("cancel", async () => {
    await typeSearch(page, '| makeresults count=1000000 | map maxsearches=1000000000 search="| makeresults | eval n=$_serial_id$"');
    await page.keyboard.press("Escape");
    await page.locator("#run").click();
    await page.locator("#status .progress", { hasText: /^Running… \d+\.\d s$/ }).waitFor();
    await page.locator("#status .cancel").click();
    await page.locator("#status", { hasText: "Cancelled" }).waitFor();
    expect(await page.locator("#errors").textContent()).toContain("error[cancelled]");
  }, ctx));

  it("shows an event search's events with the field sidebar and timeline; a sidebar value narrows it", (ctx) => checked("events", async () => {
    await typeSearch(page, "index=* sourcetype=XmlWinEventLog");
    await page.keyboard.press("Escape");
    await page.locator("#run").click();
    const events = page.locator("#tab-events tr.event");
    await events.nth(12).waitFor();
    expect(await events.count()).toBe(13);
    expect(await page.locator("#tabs button.active").textContent()).toBe("Events");
    expect(await page.locator("#tab-events .timeline canvas").count()).toBe(1);
    expect(await events.first().locator("td.time").textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    expect(await events.first().locator("pre.raw").textContent()).toContain("Sysmon");
    const field = page.locator('#tab-events .fields li[data-field="EventCode"]');
    await field.locator(".field-name").click();
    await field.locator(".field-value", { hasText: /^4688$/ }).click();
    await page.locator("#status", { hasText: /^3 events/ }).waitFor();
    expect(await page.locator(".cm-content").textContent()).toBe("index=* sourcetype=XmlWinEventLog EventCode=4688");
    expect(await events.count()).toBe(3);
    expect(offline).toEqual([]);
    expect(errors).toEqual([]);
  }, ctx));
  it("runs a notable's drilldowns and a detection's tests from the detections tab", (ctx) => checked("drilldowns", async () => {
    await page.locator('#tabs button[data-tab="detections"]').click();
    const item = page.locator("#tab-detections ul.detections > li", { hasText: DRILLDOWN_DETECTION });
    await item.locator(".det-run").click();
    const notable = page.locator("#tab-detections .notable", { hasText: "scrcons.exe on WIN-LAB-07.corp.example" }).first();
    await notable.locator(".drilldowns-run").click();
    const drilldowns = notable.locator(".drilldown");
    await drilldowns.nth(2).waitFor();
    expect(await drilldowns.locator(".drilldown-name").allTextContents()).toEqual(["View the detection results for - WIN-LAB-07.corp.example", "Process events on WIN-LAB-07.corp.example", "A broken drilldown for WIN-LAB-07.corp.example"]);
    expect(await drilldowns.nth(1).locator("pre.drilldown-search").textContent()).toBe('index=* scrcons.exe dest="WIN-LAB-07.corp.example" | stats count by EventCode');
    expect(await drilldowns.nth(1).locator(".drilldown-window").textContent()).toBe("time window: 2024-03-09 16:00:00Z to 2024-07-03 09:46:40Z");
    // The first drilldown: the detection's two rows on that host.
    expect(await drilldowns.nth(0).locator("table.stats tbody tr").count()).toBe(2);
    expect(await drilldowns.nth(2).locator(".diag-error").textContent()).toContain('error[unknown-command]: unknown command "statz"');
    await item.locator(".det-tests-run").click();
    const tests = item.locator("li.test");
    await tests.nth(2).waitFor();
    expect(await tests.locator(".verdict").allTextContents()).toEqual(["PASS", "FAIL", "ERROR"]);
    expect(await tests.nth(0).locator(".ad-loaded").textContent()).toMatch(/^loaded .*execution_scrcons\/windows-sysmon\.log \(\d+ events\)/);
    expect(await tests.nth(2).locator(".ad-missing").textContent()).toMatch(/^missing attack data file for /);
  }, ctx));

  it("pages through a result beyond the rows it carries", (ctx) => checked("paging", async () => {
    await typeSearch(page, "| makeresults count=650 | streamstats count as n | table n");
    await page.keyboard.press("Escape");
    await page.locator("#run").click();
    const label = page.locator("#tab-statistics .page-label");
    await label.filter({ hasText: "results 1–100 of 650" }).waitFor();
    const first = page.locator("#tab-statistics table.stats tbody tr").first();
    for (let i = 0; i < 5; i++) await page.locator("#tab-statistics .page-next").click();
    // Rows 501 on are not in the result the page got: fetched from the job's kept result.
    await label.filter({ hasText: "results 501–600 of 650" }).waitFor();
    expect(await first.textContent()).toBe("501");
    await page.locator("#tab-statistics .page-next").click();
    await label.filter({ hasText: "results 601–650 of 650" }).waitFor();
    expect(await page.locator("#tab-statistics table.stats tbody tr").count()).toBe(50);
    expect(await page.locator("#tab-statistics .page-next").isDisabled()).toBe(true);
    await page.locator("#tab-statistics .page-prev").click();
    await label.filter({ hasText: "results 501–600 of 650" }).waitFor();
    expect(offline).toEqual([]);
    expect(errors).toEqual([]);
  }, ctx));
});
