import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_RULES, riskByObject, type RiskEvent } from "../../../src/index.js";

const H = 3600;

function ev(object: string, time: number, score: number, source = "ESCU - A - Rule", techniques: string[] = ["T1047"], type = "system"): RiskEvent {
  return {
    _time: time, risk_object: object, risk_object_type: type, risk_score: score, risk_message: "m", search_name: source,
    normalized_risk_object: object.toLowerCase(), analyticstories: [], "annotations.mitre_attack": techniques,
    "annotations.mitre_attack.mitre_technique_id": techniques, "annotations._all": techniques, threat_object: [], threat_object_type: [],
  };
}

describe("risk per object", () => {
  it("sums risk per object and type, case-insensitively, highest first", () => {
    const out = riskByObject([ev("PC1", 0, 30), ev("pc1", H, 30), ev("PC1", 0, 99, "s", ["T1047"], "user"), ev("PC2", 0, 10)]);
    expect(out.map((o) => [o.risk_object, o.risk_object_type, o.total, o.events])).toEqual([
      ["PC1", "user", 99, 1], ["PC1", "system", 60, 2], ["PC2", "system", 10, 1],
    ]);
  });

  it("leaves out the CIM placeholders unknown and -", () => {
    expect(riskByObject([ev("unknown", 0, 30), ev("-", 0, 30), ev("Unknown", 0, 30, "s", ["T1047"], "user"), ev("PC2", 0, 10)]).map((o) => o.risk_object)).toEqual(["PC2"]);
    expect(riskByObject([ev("unknown", 0, 30)], { ...DEFAULT_RISK_RULES, ignore: [] })).toHaveLength(1);
  });

  it("flags a score incident only when the sum inside one 24 h window reaches the threshold", () => {
    const spread = riskByObject([ev("A", 0, 50), ev("A", 25 * H, 50)]);
    expect(spread[0]).toMatchObject({ total: 100, peak: 50, incidents: [] });
    const close = riskByObject([ev("A", 0, 50), ev("A", 10 * H, 20), ev("A", 23 * H, 30), ev("A", 40 * H, 5)]);
    expect(close[0]).toMatchObject({ total: 105, peak: 100, peakStart: 0, incidents: ["score"] });
    expect(riskByObject([ev("A", 0, 50), ev("A", H, 30)], { ...DEFAULT_RISK_RULES, scoreThreshold: 80 })[0]?.incidents).toEqual(["score"]);
    expect(riskByObject([ev("A", 0, 50), ev("A", 3 * H, 30)], { ...DEFAULT_RISK_RULES, scoreThreshold: 80, scoreWindow: 2 * H })[0]?.incidents).toEqual([]);
  });

  it("flags a tactic incident at 3 tactics from 4 detections within 7 days", () => {
    const events = [
      ev("B", 0, 1, "s1", ["T1047"]), ev("B", H, 1, "s2", ["T1003"]), ev("B", 2 * H, 1, "s3", ["T1021.002"]), ev("B", 3 * H, 1, "s4", ["T1047"]),
    ];
    expect(riskByObject(events)[0]).toMatchObject({ tactics: ["TA0002", "TA0006", "TA0008"], incidents: ["tactics"] });
    expect(riskByObject(events.slice(0, 3))[0]?.incidents).toEqual([]);
    const late = events.map((e, i) => (i === 3 ? { ...e, _time: 8 * 24 * H } : e));
    expect(riskByObject(late)[0]?.incidents).toEqual([]);
    expect(riskByObject(events.slice(0, 3), { ...DEFAULT_RISK_RULES, tacticThreshold: 2, sourceThreshold: 1 })[0]?.incidents).toEqual(["tactics"]);
  });
});
