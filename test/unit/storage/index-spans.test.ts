/**
 * XML blocks that are slices of `_raw` are written as two INT32 columns (`<name>.at`,
 * `<name>.len`) and listed as "span"; a block with text of its own stays a blob column. Either
 * way an opened part gives back every value exactly, and DuckDB reads the part.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { EventStore, type EventInput } from "../../../src/store/event-store.js";
import { writePart } from "../../../src/storage/index/write-part.js";
import { openParts } from "../../../src/storage/index/open-parts.js";
import { ParquetFile } from "../../../src/storage/parquet/index.js";

const dir = mkdtempSync(join(tmpdir(), "minispl-spans-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const raw = (i: number): string => `<Event><System><EventID>${i % 7}</EventID></System><EventData><Data Name='n'>v${i}</Data></EventData></Event>`;
const block = (i: number): string => `<EventData><Data Name='n'>v${i}</Data></EventData>`;

const ROWS = 70_000; // two row groups

const CASES: readonly { name: string; fields: (i: number) => EventInput["fields"]; type: string; physical: readonly string[] }[] = [
  {
    name: "slices of _raw, some rows without",
    fields: (i) => (i % 4 ? { _raw: raw(i), EventData_Xml: block(i) } : { _raw: raw(i) }),
    type: "span",
    physical: ["EventData_Xml.at", "EventData_Xml.len"],
  },
  {
    name: "one value of its own",
    fields: (i) => ({ _raw: raw(i), EventData_Xml: i === 12_345 ? "<own/>" : block(i) }),
    type: "blob",
    physical: ["EventData_Xml"],
  },
];

describe("an XML block written as spans of _raw", () => {
  it.each(CASES)("$name: the manifest type, the Parquet columns and every value", async ({ name, fields, type, physical }) => {
    const store = new EventStore();
    for (let i = 0; i < ROWS; i++) store.append({ time: i, fields: fields(i) });
    const path = join(dir, `${name.replace(/\W+/g, "-")}.parquet`);
    const written = writePart(path, store);
    expect(written.columns.find(([n]) => n === "EventData_Xml")?.[1]).toBe(type);
    const file = ParquetFile.open(path);
    expect(file.columns.map((c) => c.name).filter((n) => n.startsWith("EventData_Xml"))).toEqual(physical);
    file.close();

    const opened = openParts([{ path, info: { name, rowGroups: written.rowGroups, columns: written.columns } }]);
    try {
      expect(opened.store.fieldNames()).toEqual(store.fieldNames());
      for (let i = 0; i < ROWS; i += 97) expect(opened.store.value(i, "EventData_Xml"), `row ${i}`).toBe(store.value(i, "EventData_Xml"));
      expect(opened.store.value(12_345, "EventData_Xml")).toBe(store.value(12_345, "EventData_Xml"));
    } finally {
      opened.close();
    }

    // DuckDB reads the part (Brotli pages included) and can cut the block out of _raw itself.
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    const q = type === "span" ? `substr(_raw, "EventData_Xml.at" + 1, "EventData_Xml.len")` : "EventData_Xml";
    const rows = (await db.runAndReadAll(`SELECT ${q} FROM read_parquet('${path}') LIMIT 3 OFFSET 1`)).getRows();
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3].map((i) => store.value(i, "EventData_Xml")));
    db.closeSync();
  });
});
