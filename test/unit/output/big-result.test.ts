/**
 * 30,000 rows × 60 columns, every format: printed through the writer in chunks of at most 64 KB,
 * never as one string (issue 9: `index=*` over a few thousand wide events hit V8's string limit).
 * The chunks are checked as they come and not kept, so the test holds no more than the printer.
 * 30,000 rows make 6–30 MB per format, hundreds of chunks: the chunking is what is checked, and it
 * does not change with the size (200,000 rows took 27 s of the suite for the same checks).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Table, type Value } from "../../../src/index.js";
import { writeCsv } from "../../../src/output/csv.js";
import { writeJson, writeNdjson } from "../../../src/output/json.js";
import { writeTextTable } from "../../../src/output/text-table.js";
import type { Writer } from "../../../src/output/writer.js";
import { CHUNK_LIMIT_BYTES } from "./support.js";

const ROWS = 30_000;
const COLS = 60;
const names = Array.from({ length: COLS }, (_, c) => `field_${String(c).padStart(2, "0")}`);
/** Row i, column c: a number in the even columns, a short string in the odd ones. */
const cell = (i: number, c: number): Value => (c % 2 === 0 ? (i * 7 + c) % 100_000 : `v${(i + c) % 1000}`);

let table: Table;
beforeAll(() => {
  const cols = new Map(names.map((n, c) => [n, Array.from({ length: ROWS }, (_, i) => cell(i, c))]));
  table = Table.fromColumns(names, cols, ROWS);
});

/** A writer that checks each chunk's size and keeps only the count, the length and the last line. */
function meter(): { out: Writer; chunks: number; units: number; maxBytes: number; newlines: number; tail: string } {
  const m = {
    chunks: 0, units: 0, maxBytes: 0, newlines: 0, tail: "",
    out: (c: string): void => {
      m.chunks++;
      m.units += c.length;
      m.maxBytes = Math.max(m.maxBytes, Buffer.byteLength(c, "utf8"));
      for (let at = c.indexOf("\n"); at >= 0; at = c.indexOf("\n", at + 1)) m.newlines++;
      m.tail = (m.tail + c).slice(-4096);
    },
  };
  return m;
}

describe("a 30,000 × 60 result", { timeout: 180_000 }, () => {
  it("text table: every line the same width, in chunks of at most 64 KB", () => {
    const m = meter();
    const lines: string[] = [];
    let pending = "";
    // Keep the first five lines whole to compare; the rest only counted.
    const first = (c: string): void => {
      if (lines.length >= 5) return;
      pending += c;
      let at: number;
      while ((at = pending.indexOf("\n")) >= 0 && lines.length < 5) {
        lines.push(pending.slice(0, at));
        pending = pending.slice(at + 1);
      }
    };
    writeTextTable(table, Infinity, (c) => {
      m.out(c);
      first(c);
    });
    // Numbers are at most 5 digits, strings "v" and 3 digits: the header name is the widest.
    const width = 8 * COLS + 3 * COLS + 1;
    expect(m.maxBytes).toBeLessThanOrEqual(CHUNK_LIMIT_BYTES);
    expect(m.newlines).toBe(ROWS + 4);
    expect(m.units).toBe((ROWS + 4) * (width + 1));
    const rule = `+${names.map(() => "-".repeat(10)).join("+")}+`;
    const row = (i: number) => `| ${names.map((_, c) => String(cell(i, c)).padEnd(8)).join(" | ")} |`;
    expect(lines).toEqual([rule, `| ${names.join(" | ")} |`, rule, row(0), row(1)]);
    expect(m.tail.endsWith(`\n${row(ROWS - 1)}\n${rule}\n`)).toBe(true);
  });

  it("CSV, NDJSON and JSON: one line per row, in chunks of at most 64 KB", () => {
    const csv = meter();
    writeCsv(table, csv.out);
    expect(csv.newlines).toBe(ROWS + 1);
    expect(csv.tail.endsWith(`\n${names.map((_, c) => String(cell(ROWS - 1, c))).join(",")}\n`)).toBe(true);

    const nd = meter();
    writeNdjson(table, nd.out);
    expect(nd.newlines).toBe(ROWS);
    const last = Object.fromEntries(names.map((n, c) => [n, cell(ROWS - 1, c)]));
    expect(nd.tail.endsWith(`\n${JSON.stringify(last)}\n`)).toBe(true);

    const json = meter();
    writeJson(table, json.out);
    // "[", per row "{", one line per field and "}", then "]".
    expect(json.newlines).toBe(2 + ROWS * (COLS + 2));
    expect(json.tail.endsWith(`${JSON.stringify([last], null, 2).slice(2, -2)}\n]\n`)).toBe(true);

    for (const m of [csv, nd, json]) {
      expect(m.chunks).toBeGreaterThan(100);
      expect(m.maxBytes).toBeLessThanOrEqual(CHUNK_LIMIT_BYTES);
    }
  });
});
