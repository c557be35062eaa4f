/** CSV, JSON and NDJSON streamed: the text they printed before, in bounded chunks. */
import { describe, expect, it } from "vitest";
import { Table, type Value } from "../../../src/index.js";
import { writeCsv } from "../../../src/output/csv.js";
import { JsonArrayWriter } from "../../../src/output/json-array-writer.js";
import { writeJson, writeNdjson } from "../../../src/output/json.js";
import type { Writer } from "../../../src/output/writer.js";
import { CHUNK_LIMIT_BYTES, recorder } from "./support.js";

const rows: Record<string, Value>[] = [{ user: "alice", n: 3, tags: ["a", "b"] }, { user: "bob\n  smith", n: 12.5, note: 'say "hi", ok' }, {}];
const small = Table.fromRows(rows);

function print(f: (out: Writer) => void): ReturnType<typeof recorder> {
  const r = recorder();
  f(r.out);
  return r;
}

describe("CSV, JSON and NDJSON printers", () => {
  it("print the same text as before streaming", () => {
    expect(print((o) => writeCsv(small, o)).text()).toBe('user,n,tags,note\nalice,3,"a\nb",\n"bob\n  smith",12.5,,"say ""hi"", ok"\n,,,\n');
    expect(print((o) => writeNdjson(small, o)).text()).toBe(`${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    expect(print((o) => writeJson(small, o)).text()).toBe(`${JSON.stringify(rows, null, 2)}\n`);
  });

  it("print an empty result as before", () => {
    const empty = Table.fromRows([]);
    expect(print((o) => writeCsv(empty, o)).text()).toBe("\n");
    expect(print((o) => writeNdjson(empty, o)).text()).toBe("");
    expect(print((o) => writeJson(empty, o)).text()).toBe("[]\n");
  });

  it("JsonArrayWriter prints any JSON values as JSON.stringify(array, null, 2) does", () => {
    const items: unknown[] = [{ a: [1, [2, {}], []], b: { c: null, d: undefined } }, "x\ny", 3, null, undefined, [], {}];
    expect(print((o) => {
      const a = new JsonArrayWriter(o);
      for (const x of items) a.add(x);
      a.end();
    }).text()).toBe(`${JSON.stringify(items, null, 2)}\n`);
  });

  it("pass a 1 MB cell on whole, in chunks of at most 64 KB", () => {
    // Multibyte and astral characters: chunks are cut by UTF-16 units, never inside a pair.
    const big = "é😀x".repeat(1 << 18);
    const t = Table.fromRows([{ a: big, b: "short" }]);
    const csv = print((o) => writeCsv(t, o));
    expect(csv.text()).toBe(`a,b\n${big},short\n`);
    const nd = print((o) => writeNdjson(t, o));
    expect(nd.text()).toBe(`${JSON.stringify({ a: big, b: "short" })}\n`);
    const json = print((o) => writeJson(t, o));
    expect(json.text()).toBe(`${JSON.stringify([{ a: big, b: "short" }], null, 2)}\n`);
    for (const r of [csv, nd, json]) {
      expect(r.chunks.length).toBeGreaterThan(10);
      expect(r.maxBytes()).toBeLessThanOrEqual(CHUNK_LIMIT_BYTES);
      for (const c of r.chunks) expect(Buffer.from(c, "utf8").toString("utf8")).toBe(c);
    }
  });
});
