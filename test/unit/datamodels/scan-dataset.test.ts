// scanDataset (where pushed into the dataset scan) against the unfiltered path: every member's
// whole column from datasetView, then the same where compiled over those columns.
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import type { TstatsCommand } from "../../../src/ast/commands.js";
import { datasetView } from "../../../src/datamodels/dataset-view.js";
import { findDataset } from "../../../src/datamodels/registry.js";
import { bareName, scanDataset } from "../../../src/datamodels/scan-dataset.js";
import { columnHandle, NULL_HANDLE } from "../../../src/executor/field-source.js";
import { compileSearch } from "../../../src/executor/search-predicate.js";
import type { IdVector } from "../../../src/datamodels/dataset-fields.js";
import type { Value } from "../../../src/values/value.js";
import type { EventStore } from "../../../src/store/event-store.js";
import { storeOf } from "./tstats-support.js";

const PROC = ["process", "report"];
const store = storeOf([
  { tag: PROC, process_name: "scrcons.exe", process: "C:\\Windows\\System32\\wbem\\scrcons.exe", dest: "h1", user: "alice", process_hash: ["MD5=AA", "SHA256=BB"] },
  { tag: PROC, process: '"C:\\Tools\\PsExec.exe" -s cmd', dest: "h2" },
  { tag: ["process"], process_name: "scrcons.exe", dest: "h9" },
  { tag: PROC, process_name: "cmd.exe", process: "cmd.exe /c whoami", user: "bob", process_integrity_level: "HIGH" },
  { tag: ["network", "communicate"], dest: "h1", user: "alice" },
  { tag: PROC, process_name: "", process: "", dest: "h3", user: "carol", process_hash: "MD5=CC" },
  { tag: PROC, process_name: "SCRCONS.EXE", dest: "h4", user: "alice" },
  { tag: PROC, process: "powershell.exe -enc AAAA", dest: "h5", process_hash: ["SHA256=BB"] },
  { tag: [...PROC, "network"], dest: "h6", action: "allowed" },
]);

const FIELDS = ["Processes.process_name", "Processes.dest", "Processes.user", "Processes.process_hash", "Processes.process_integrity_level", "Processes.vendor_product"];

function tstatsOf(where: string): TstatsCommand {
  const cmd = compile(`| tstats count from datamodel=Endpoint.Processes${where ? ` where ${where}` : ""}`).commands[0];
  if (cmd?.kind !== "tstats") throw new Error(`not a tstats: ${where}`);
  return cmd;
}

const decode = (col: IdVector | undefined, i: number): Value => {
  const id = col?.id(i) ?? 0;
  if (!col || id === 0) return null;
  const m = col.dict.members(id);
  return m ? Array.from(m, (x) => col.dict.get(x)) : col.dict.get(id);
};

/** The unfiltered path: whole member columns, then the where over them. */
function reference(st: EventStore, where: string, fields: readonly string[]): { rows: number[]; values: Value[][] } {
  const ds = findDataset("Endpoint.Processes")!;
  const view = datasetView(st, ds);
  const bare = bareName(ds);
  const pred = compileSearch(tstatsOf(where).where, { field: (f) => { const c = view.field(bare(f)); return c ? columnHandle(c) : NULL_HANDLE; } });
  const keep = Array.from(view.rows.keys()).filter((i) => pred(i));
  return { rows: keep.map((i) => view.rows[i] as number), values: keep.map((i) => fields.map((f) => view.field(bare(f))?.value(i) ?? null)) };
}

function scanned(st: EventStore, where: string, fields: readonly string[]): { rows: number[]; values: Value[][] } {
  const scan = scanDataset(st, findDataset("Endpoint.Processes")!, { where: tstatsOf(where).where, fields });
  const rows = Array.from(scan.rows);
  return { rows, values: rows.map((_, i) => fields.map((f) => decode(scan.columns.get(f), i))) };
}

describe("scanDataset keeps the rows and values of the unfiltered path", () => {
  it.each([
    ["no where", "", [0, 1, 3, 5, 6, 7, 8]],
    ["stored-or-derived name, case-insensitive", "Processes.process_name=scrcons.exe", [0, 6]],
    ["name derived from the command line, wildcard", "Processes.process_name=psexec*", [1]],
    ["unknown fill of an absent user", "Processes.user=unknown", [1, 7, 8]],
    ["unknown fill of an empty process_name", "Processes.process_name=unknown", [5, 8]],
    ["NOT keeps rows without the field", "NOT Processes.user=unknown", [0, 3, 5, 6]],
    ["!= needs the field", "Processes.action!=blocked", [8]],
    ["OR across a stored and a calculated field", "Processes.process_name=cmd.exe OR Processes.dest=h2", [1, 3]],
    ["multivalue: any value matches", 'Processes.process_hash="SHA256=BB"', [0, 7]],
    ["multivalue wildcard", "Processes.process_hash=MD5*", [0, 5]],
    ["base-search eval lower-cases", "Processes.process_integrity_level=high", [3]],
    ["CASE() is case-sensitive", "Processes.process_name=CASE(SCRCONS.EXE)", [6]],
    ["IN", "Processes.process_name IN (cmd.exe, powershell.exe)", [3, 7]],
    ["bare dataset field name", "process_name=cmd.exe", [3]],
    ["AND with a NOT and a wildcard", "Processes.dest=h* NOT Processes.process_name=*.exe", [5, 8]],
    ["not a dataset field: no rows", "Processes.nosuch=x", []],
    ["a base field the store lacks", "host=*", []],
    ["exists", "Processes.process_hash=*", [0, 5, 7]],
  ])("%s: %s", (_label, where, rows) => {
    const want = reference(store, where, FIELDS);
    expect(want.rows).toEqual(rows);
    expect(scanned(store, where, FIELDS)).toEqual(want);
  });

  it("computes a few passing rows alone and many through the member columns, with equal values", () => {
    // 200 members, 1 and then 150 passing: both sides of overPicked's threshold.
    const many = storeOf(Array.from({ length: 200 }, (_, i) => ({ tag: PROC, process: `p${i % 3 === 0 ? "x" : "y"}${i}.exe -a`, ...(i % 2 ? { user: `u${i}` } : {}) })));
    for (const where of ["Processes.process_name=px3.exe", "NOT Processes.process_name=px*", "Processes.process_name=p*"]) {
      expect(scanned(many, where, FIELDS)).toEqual(reference(many, where, FIELDS));
    }
  });

  it("reads fields a where does not mention, and only requested ones", () => {
    const scan = scanDataset(store, findDataset("Endpoint.Processes")!, { where: tstatsOf("Processes.dest=h1").where, fields: ["Processes.user", "_time", "Processes.nosuch"] });
    expect([...scan.columns.keys()]).toEqual(["Processes.user"]);
    expect(decode(scan.columns.get("Processes.user"), 0)).toBe("alice");
    expect(scan.time(0)).toBe(1_700_000_000);
  });

  it("sees rows appended after a scan (the caches follow the store version)", () => {
    const st = storeOf([{ tag: PROC, process_name: "a.exe" }]);
    expect(scanned(st, "Processes.process_name=b.exe", FIELDS).rows).toEqual([]);
    st.append({ time: 1_700_000_100, fields: { tag: PROC, process_name: "b.exe" } });
    expect(scanned(st, "Processes.process_name=b.exe", FIELDS).rows).toEqual([1]);
  });
});
