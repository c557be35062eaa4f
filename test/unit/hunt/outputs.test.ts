import { describe, expect, it } from "vitest";
import { navigatorLayer, timelineFormat, timelineRows, writeTimeline, TIMELINE_COLUMNS } from "../../../src/index.js";
import { sampleRun, T0 } from "./fixtures.js";

describe("timeline", () => {
  it("has one row per result with Timesketch's columns, oldest first", async () => {
    const rows = timelineRows(await sampleRun());
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      message: "scrcons on PC1 by alice",
      datetime: new Date((T0 + 60) * 1000).toISOString(),
      timestamp: (T0 + 60) * 1_000_000,
      timestamp_desc: "Event time (_time)",
      detection: "WMI Script",
      mitre_technique: "T1047",
      mitre_tactic: "Execution",
      risk_score: 120,
      risk_objects: "PC1 (system); alice (user)",
      host: "PC1",
      user: "alice",
    });
    expect(rows[1]?.timestamp_desc).toBe("First seen (firstTime)");
    expect(rows[2]).toMatchObject({ mitre_technique: "T1003.001, T1059.001", mitre_tactic: "Credential Access, Execution" });
  });

  it("writes CSV with the Timesketch header and JSON lines with the same keys", async () => {
    const rows = timelineRows(await sampleRun());
    let csv = "";
    writeTimeline(rows, "csv", (s) => (csv += s));
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]?.split(",").slice(0, 4)).toEqual(["message", "datetime", "timestamp", "timestamp_desc"]);
    expect(lines).toHaveLength(4);
    let jsonl = "";
    writeTimeline(rows, timelineFormat("out.jsonl"), (s) => (jsonl += s));
    const objs = jsonl.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(objs[0] ?? {})).toEqual([...TIMELINE_COLUMNS]);
    expect(objs[2]?.message).toBe("dump on PC1");
    expect(timelineFormat("x.CSV")).toBe("csv");
  });

  it("writes only the header for an empty hunt", () => {
    let csv = "";
    writeTimeline([], "csv", (s) => (csv += s));
    expect(csv).toBe(`${TIMELINE_COLUMNS.join(",")}\n`);
  });
});

describe("navigator layer", () => {
  it("is a layer 4.5 JSON with a scored entry per technique that fired", async () => {
    const layer = navigatorLayer(await sampleRun()) as {
      versions: Record<string, string>; domain: string; techniques: { techniqueID: string; score: number; comment: string; showSubtechniques: boolean }[]; gradient: { maxValue: number };
    };
    expect(layer.versions).toEqual({ attack: "14", navigator: "4.9.1", layer: "4.5" });
    expect(layer.domain).toBe("enterprise-attack");
    expect(layer.techniques.map((t) => [t.techniqueID, t.score])).toEqual([
      ["T1003.001", 1], ["T1047", 2], ["T1059.001", 1], ["T1003", 0], ["T1059", 0],
    ]);
    expect(layer.techniques.find((t) => t.techniqueID === "T1047")?.comment).toBe("WMI Script (2)");
    expect(layer.techniques.find((t) => t.techniqueID === "T1003")?.showSubtechniques).toBe(true);
    expect(layer.gradient.maxValue).toBe(2);
    expect(JSON.parse(JSON.stringify(layer))).toEqual(layer);
  });
});
