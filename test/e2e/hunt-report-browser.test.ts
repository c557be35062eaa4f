/**
 * The hunt's HTML report in a real browser: headless Chromium (Debian's `chromium` package) driven
 * by playwright-core. The report is opened from a file:// URL, as a user opens it; the test checks
 * that the heat map, the risk table and a notable with its drilldown are rendered, that the page
 * asks for nothing over the network and logs no error, and keeps screenshots:
 *  - test-output/hunt-report.png: the whole page with a detection and a notable opened, also when
 *    a check fails (CI keeps test-output/ as an artifact, see .ci/run);
 *  - docs/hunt-report.png, the README's picture (the 1280×900 viewport at the top), only with
 *    MINISPL_DOCS_SCREENSHOT=1; then `pngquant --quality 80-95 --strip` and `optipng -o5` bring
 *    it from ~120 KB to ~40 KB.
 * Without Chromium (or when it cannot start) the tests are skipped with the reason, never failed:
 * Playwright's own browser download does not work on the team's machines, and CI installs
 * `chromium` with apt on a best-effort basis. MINISPL_CHROMIUM names another executable.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";
import { SCRCONS_DETECTION } from "../support/hunt-detections.js";
import { launchChromium, loadChromium, type Launched } from "../support/chromium.js";

const OUT = join(ROOT, "test-output");

/** Small detections beside samples/detections, over samples/data: two tactics, a drilldown. */
const DETECTIONS: Record<string, string> = {
  "scrcons.yml": SCRCONS_DETECTION,
  "mshta.yml": `name: Mshta Spawned
status: production
type: TTP
search: '| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=mshta.exe by Processes.dest Processes.user Processes.parent_process_name | \`drop_dm_object_name(Processes)\` | \`security_content_ctime(firstTime)\`'
tags:
  mitre_attack_id: [T1218.005]
  message: mshta.exe started by $parent_process_name$ on $dest$
  risk_score: 64
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
  - name: user
    type: User
    role: [Victim]
`,
  "shell.yml": `name: PowerShell Spawning Cmd
status: production
type: Anomaly
search: '| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.parent_process_name=powershell.exe Processes.process_name=cmd.exe by Processes.dest Processes.user | \`drop_dm_object_name(Processes)\` | \`security_content_ctime(firstTime)\`'
tags:
  mitre_attack_id: [T1059.001, T1059.003]
  message: powershell.exe started cmd.exe on $dest$
  risk_score: 25
  observable:
  - name: user
    type: User
    role: [Victim]
`,
};

// In the page (evaluateAll); the tests are typed without the DOM library.
declare function getComputedStyle(element: unknown): { backgroundColor: string };

const chromium = await loadChromium();
if (typeof chromium === "string") console.warn(`hunt-report-browser.test.ts skipped: ${chromium}`);

describe.skipIf(typeof chromium === "string")(`the hunt report in headless Chromium${typeof chromium === "string" ? ` (skipped: ${chromium})` : ""}`, () => {
  let starting: Promise<Launched> | undefined;
  afterAll(async () => {
    const launched = await starting;
    if (launched && "context" in launched) await launched.close();
  });

  it("renders the heat map, the risk table and a notable with its drilldown, offline and without errors", async ({ skip }) => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-hunt-report-"));
    for (const [name, yml] of Object.entries(DETECTIONS)) writeFileSync(join(dir, name), yml);
    const report = join(dir, "hunt.html");
    // Chromium starts in its own process while the hunt runs in this one.
    starting = launchChromium(chromium as Exclude<typeof chromium, string>);
    const r = await runCli(["hunt", "samples/data", "--detections", "samples/detections", dir, "-j", "1", "-q", "--report", report]);
    const launched = await starting;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("4 detection(s) run, 4 fired, 0 could not run");
    if ("reason" in launched) {
      console.warn(`hunt-report-browser.test.ts skipped: ${launched.reason}`);
      skip(launched.reason);
      return;
    }

    const page = await launched.context.newPage();
    const offline: string[] = [];
    const errors: string[] = [];
    // Anything but the report itself (and data: URLs, which never leave the page) is refused.
    await page.route((url) => url.protocol !== "file:" && url.protocol !== "data:", async (route) => {
      offline.push(route.request().url());
      await route.abort();
    });
    page.on("request", (req) => {
      if (!/^(file|data):/.test(req.url())) offline.push(req.url());
    });
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    try {
      await page.goto(pathToFileURL(report).href, { waitUntil: "load" });

      // The ATT&CK heat map: T1047 under Execution, T1218.005 under Defense Evasion, each cell
      // shaded (not the section's white) and laid out. One round trip per section: the machines are
      // slow and every locator call is one.
      const heat = await page.locator("#heatmap .tactic").evaluateAll((columns) => columns.map((c) => ({
        tactic: c.querySelector("h3")?.textContent ?? "",
        cells: [...c.querySelectorAll(".tech")].map((t) => ({ text: t.textContent ?? "", background: getComputedStyle(t).backgroundColor, height: t.getBoundingClientRect().height })),
      })));
      expect(heat.map((c) => c.tactic)).toEqual(["Execution TA0002", "Defense Evasion TA0005"]);
      const t1047 = heat[0]?.cells.find((t) => t.text.startsWith("T1047 "));
      expect(t1047?.text).toContain("Windows Management Instrumentation");
      expect(t1047?.text).toContain("6 result(s), 2 detection(s)");
      expect(heat[1]?.cells.map((t) => t.text.split(" ")[0])).toEqual(["T1218.005"]);
      for (const t of heat.flatMap((c) => c.cells)) {
        expect(t.background, t.text).toMatch(/^rgb\(/);
        expect(t.background, t.text).not.toBe("rgb(255, 255, 255)");
        expect(t.height, t.text).toBeGreaterThan(10);
      }

      // The risk table: the host both WMI detections name, over the 100-point threshold.
      const rows = await page.locator("#risk-table tbody tr").evaluateAll((trs) => trs.map((tr) => ({
        cells: [...tr.querySelectorAll("td")].map((td) => (td as { innerText: string }).innerText),
        bars: tr.querySelectorAll("svg rect").length,
      })));
      const host = rows.find((r) => r.cells[0] === "WIN-LAB-07.corp.example");
      expect(host?.cells.slice(0, 3)).toEqual(["WIN-LAB-07.corp.example", "system", "172"]);
      expect(host?.cells[7]).toMatch(/risk ≥ 100 in 24 h/);
      expect(host?.bars).toBeGreaterThan(0);

      // A notable with its drilldown: collapsed at first, shown once its summaries are clicked.
      const detection = page.locator("#notables details.detection", { hasText: "Scrcons Seen" });
      const notable = detection.locator("details.notable").first();
      const drilldown = notable.locator(".drilldown");
      expect(await drilldown.isVisible()).toBe(false);
      await detection.locator("summary").first().click();
      await notable.locator("summary").click();
      const shown = await notable.evaluate((n) => ({
        summary: n.querySelector("summary")?.textContent ?? "",
        fields: [...n.querySelectorAll("table.fields th")].map((th) => th.textContent),
        drilldowns: [...n.querySelectorAll(".drilldown")].map((d) => ({
          height: d.getBoundingClientRect().height,
          title: d.querySelector("b")?.textContent,
          search: d.querySelector("pre")?.textContent ?? "",
          rows: d.querySelectorAll("tbody tr").length,
        })),
      }));
      expect(shown.summary).toMatch(/scrcons\.exe on WIN-LAB-07\.corp\.example$/);
      expect(shown.fields).toEqual(["dest", "user", "count", "firstTime"]);
      expect(shown.drilldowns).toEqual([{ height: expect.any(Number), title: "Drilldown: Results for WIN-LAB-07.corp.example", search: expect.stringContaining('search dest = "WIN-LAB-07.corp.example"'), rows: 2 }]);
      expect(shown.drilldowns[0]?.height).toBeGreaterThan(50);

      expect(offline).toEqual([]);
      expect(errors).toEqual([]);

      if (process.env.MINISPL_DOCS_SCREENSHOT === "1") {
        // The README's picture: the top of the page as a reader first sees it, everything closed.
        const top = await launched.context.newPage();
        await top.goto(pathToFileURL(report).href, { waitUntil: "load" });
        mkdirSync(join(ROOT, "docs"), { recursive: true });
        await top.screenshot({ path: join(ROOT, "docs", "hunt-report.png") });
        await top.close();
      }
    } finally {
      // Also after a failed check: the picture is what CI's artifact is for.
      mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: join(OUT, "hunt-report.png"), fullPage: true }).catch((e: Error) => console.warn(`no screenshot: ${e.message}`));
      await page.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
