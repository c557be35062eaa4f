import { describe, expect, it } from "vitest";
import { attackDataRelativePath, parseDetection, Table, verdict } from "../../src/index.js";

describe("attack data paths", () => {
  it.each([
    ["https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/a/b.log", "datasets/a/b.log"],
    ["https://raw.githubusercontent.com/splunk/attack_data/master/datasets/x%20y.log", "datasets/x y.log"],
    ["https://example.com/datasets/a.log", null],
    ["https://raw.githubusercontent.com/splunk/attack_data/master/../etc/passwd", null],
  ])("%s", (url, expected) => {
    expect(attackDataRelativePath(url)).toBe(expected);
  });
});

describe("contentctl's pass criterion", () => {
  const det = parseDetection(`name: T
search: '| makeresults'
tags:
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
  - name: process_name
    type: Process
    role: [Child Process]
`, "t.yml").detection!;

  it.each([
    ["no results", [], "fail", "no results"],
    ["a risk object that is the string null", [{ dest: "null", process_name: "a.exe" }], "fail", "risk object field dest"],
    ["a risk object missing from the results", [{ process_name: "a.exe" }], "fail", "missing in the detection results"],
    ["a threat object null in every result", [{ dest: "h1", process_name: "null" }], "fail", "threat object"],
    ["a threat object null in some results only", [{ dest: "h1", process_name: "null" }, { dest: "h2", process_name: "b.exe" }], "pass", "2 result(s)"],
    ["good results", [{ dest: "h1", process_name: "a.exe" }], "pass", "1 result(s)"],
  ])("%s", (_what, rows, status, message) => {
    const t = rows.length ? Table.fromRows(rows) : Table.fromColumns(["dest", "process_name"], new Map(), 0);
    const v = verdict(det, t);
    expect(v.status).toBe(status);
    expect(v.message).toContain(message);
  });
});
