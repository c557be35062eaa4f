import { describe, expect, it } from "vitest";
import { EventStore } from "../../../src/index.js";
import { FieldDict } from "../../../src/store/field-dict.js";
import { decodeBlobPage, encodeBlobPage } from "../../../src/storage/parquet/blob-page.js";

describe("EventStore", () => {
  it("dictionary-encodes each field once and keeps multivalue fields as one combo id", () => {
    const s = new EventStore();
    for (let i = 0; i < 3000; i++) s.append({ time: i, fields: { host: i % 2 ? "a" : "b", tag: ["process", "report"] } });
    expect(s.length).toBe(3000);
    const host = s.column("host");
    const tag = s.column("tag");
    if (host?.kind !== "ids" || tag?.kind !== "ids") throw new Error("expected id columns");
    expect(host.dict.size).toBe(3); // null + a + b
    expect(tag.dict.size).toBe(4); // null + process + report + the combo [process, report]
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

  it.each([
    ["dense, one byte per row", (i: number) => String(i % 7), 1],
    ["dense, two bytes per row", (i: number) => String(i % 1000), 2],
    ["sparse (1 row in 10)", (i: number) => (i % 10 === 0 ? String(i % 100) : undefined), 0.3],
  ])("keeps a %s across chunk boundaries and reads every value back", (_name, valueOf, maxBytesPerRow) => {
    const s = new EventStore();
    const n = 20_000;
    for (let i = 0; i < n; i++) s.append({ time: i, fields: { f: valueOf(i) } });
    s.compact();
    const expected = Array.from({ length: n }, (_, i) => valueOf(i) ?? null);
    expect(Array.from({ length: n }, (_, i) => s.value(i, "f"))).toEqual(expected);
    // and backwards, as the base search scans
    expect(Array.from({ length: n }, (_, k) => s.value(n - 1 - k, "f"))).toEqual([...expected].reverse());
    const col = s.column("f");
    if (col?.kind !== "ids") throw new Error("expected an id column");
    expect(col.idBytes() / n).toBeLessThanOrEqual(maxBytesPerRow);
  });

  it("keeps _raw compressed and reads it back exactly, before and after compaction", () => {
    const s = new EventStore();
    const raw = (i: number) => `<Event xmlns='x'><EventID>${i % 5}</EventID><Data Name='é'>中 ${i} 😀</Data></Event>`;
    for (let i = 0; i < 9000; i++) s.append({ time: i, fields: { _raw: raw(i) } });
    expect(s.value(8999, "_raw")).toBe(raw(8999)); // still in the open chunk
    s.compact();
    for (const i of [0, 1, 4095, 4096, 8191, 8192, 8999]) expect(s.value(i, "_raw")).toBe(raw(i));
    s.append({ time: 9000, fields: { _raw: raw(9000) } }); // appending after a compaction
    expect(s.value(9000, "_raw")).toBe(raw(9000));
    expect(s.value(8999, "_raw")).toBe(raw(8999));
    const col = s.column("_raw");
    if (col?.kind !== "blob") throw new Error("expected a blob column");
    expect(col.bytes()).toBeLessThan((9001 * raw(5000).length) / 5);
  });

  it("appends to a chunk after compaction without losing its earlier ids", () => {
    const s = new EventStore();
    s.append({ time: 1, fields: { a: "x" } });
    s.compact();
    s.append({ time: 2, fields: { a: "y" } });
    expect([s.value(0, "a"), s.value(1, "a")]).toEqual(["x", "y"]);
  });
});

describe("FieldDict", () => {
  it("interns UTF-8 values once, finds them, and decodes them exactly", () => {
    const d = new FieldDict();
    const values = ["", "a", "é", "中文", "😀x", "a".repeat(10_000)];
    const ids = values.map((v) => d.intern(v));
    expect(new Set(ids).size).toBe(values.length);
    values.forEach((v, i) => {
      expect(d.intern(v)).toBe(ids[i]);
      expect(d.lookup(v)).toBe(ids[i]);
      expect(d.get(ids[i] as number)).toBe(v);
    });
    expect(d.lookup("b")).toBeUndefined();
  });

  it("survives growth past many rehashes", () => {
    const d = new FieldDict();
    for (let i = 0; i < 100_000; i++) d.intern(`v${i}`);
    for (let i = 0; i < 100_000; i += 7919) expect(d.get(d.lookup(`v${i}`) as number)).toBe(`v${i}`);
    expect(d.size).toBe(100_001);
  });
});

describe("blob pages", () => {
  it.each([
    [["a", null, "b"]],
    [[null, null]],
    [["", "é", "中", "😀"]],
    [Array.from({ length: 300 }, (_, i) => (i % 3 ? `row ${i}` : null))],
  ])("round-trip %#", (values) => {
    expect(decodeBlobPage(encodeBlobPage(values))).toEqual(values);
  });
});
