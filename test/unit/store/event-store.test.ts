import { describe, expect, it } from "vitest";
import { EventStore } from "../../../src/index.js";

describe("EventStore", () => {
  it("dictionary-encodes strings once and keeps multivalue fields", () => {
    const s = new EventStore();
    for (let i = 0; i < 3000; i++) s.append({ time: i, fields: { host: i % 2 ? "a" : "b", tag: ["process", "report"] } });
    expect(s.length).toBe(3000);
    expect(s.dict.size).toBe(5); // null + a + b + process + report
    expect(s.value(2999, "host")).toBe("a");
    expect(s.value(0, "tag")).toEqual(["process", "report"]);
    expect(s.value(5, "_time")).toBe(5);
    expect(s.value(5, "missing")).toBeNull();
  });

  it("gives fields that appear late null for earlier rows", () => {
    const s = new EventStore();
    s.append({ time: 1, fields: { a: "1" } });
    s.append({ time: 2, fields: { b: "2" } });
    expect(s.value(0, "b")).toBeNull();
    expect(s.value(1, "b")).toBe("2");
    expect(s.fieldNames().sort()).toEqual(["a", "b"]);
  });
});
