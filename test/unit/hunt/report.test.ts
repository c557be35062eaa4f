import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_RULES, escapeHtml, renderReport, riskByObject, runHunt } from "../../../src/index.js";
import { detection, fakeExecutor, sampleRun, T0, WMI } from "./fixtures.js";

function render(run: Awaited<ReturnType<typeof sampleRun>>): string {
  let html = "";
  renderReport({ run, risk: riskByObject(run.riskEvents), rules: DEFAULT_RISK_RULES, inputs: "logs/", generated: T0 }, (s) => (html += s));
  return html;
}

describe("HTML report", () => {
  it("has the heat map, the risk table, the timeline chart, the failures and the notables", async () => {
    const html = render(await sampleRun());
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('id="heatmap"');
    expect(html).toMatch(/<h3>Execution <span[^>]*>TA0002<\/span><\/h3><div class="tech"[^>]*><b>T1047<\/b> Windows Management Instrumentation/);
    expect(html).toContain('id="risk-table"');
    expect(html).toMatch(/<td class="wrap">PC1<\/td><td>system<\/td><td class="num">110<\/td>/);
    expect(html).toContain('id="timeline-chart"');
    expect(html).toContain("Detections that could not run (1)");
    expect(html).toContain("scrcons on PC1 by alice");
    expect(html).toContain("Drilldown: dd PC1");
    // Self-contained: no script, no external URL.
    expect(html).not.toMatch(/<script|src=|href=|@import|url\(/i);
  });

  it("renders attacker-written field values as text", async () => {
    const evil = '<script>alert("x")</script>';
    const det = detection(`name: Evil
search: '| makeresults'
drilldown_searches:
- name: 'for $dest$'
  search: '| search dest=$dest$'
tags:
  mitre_attack_id: [T1059]
  message: 'ran $cmd$'
  risk_score: 10
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
`);
    const run = await runHunt([det, WMI], fakeExecutor({ 0: [{ dest: evil, cmd: `${evil}<img src=x onerror=alert(1)>`, "<b>field</b>": "'q'", _time: T0 }], 1: [] }));
    const html = render(run);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>field</b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;field&lt;/b&gt;");
    expect(html).toContain("&#39;q&#39;");
  });

  it("escapes the five HTML specials", () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml(["a<", "b"])).toBe("a&lt;, b");
  });
});
