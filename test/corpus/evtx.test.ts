// The native EVTX reader against every .evtx in ../shared/datasets and the XML renderings made from
// them (datasets.md §5.2): record counts, byte-identical rendering per record (matched by
// EventRecordID), identical fields through the XmlWinEventLog path, a search and the seed
// detection. Never skipped: a missing ../shared fails loudly (sharedPath throws).
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { builtinMacros, EventStore, ingestPaths, runSearch } from "../../src/index.js";
import { readEvtxFile } from "../../src/adapters/evtx/reader.js";
import type { Value } from "../../src/values/value.js";
import { runCli } from "../support/cli.js";
import { readShared, sharedPath } from "../support/shared.js";

const DATASETS = sharedPath("datasets");
const DETECTION = "escu/detections/endpoint/script_execution_via_wmi.yml";

function evtxFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? evtxFiles(p) : p.endsWith(".evtx") ? [p] : [];
  });
}

const referenceOf = (evtx: string): string => evtx.replace("/evtx/", "/xml/") + ".xml";

/** Records libevtx could not decode, from the dataset's SOURCE.md: `- \`path\`: 63 → 47`. */
function libevtxFailures(): Map<string, { inEvtx: number; converted: number }> {
  const out = new Map<string, { inEvtx: number; converted: number }>();
  for (const m of readShared("datasets/evtx_attack_samples_sbousseaden/SOURCE.md").matchAll(/^- `([^`]+\.evtx)`: (\d+) → (\d+)$/gm)) {
    out.set(`evtx_attack_samples_sbousseaden/evtx/${m[1]!}`, { inEvtx: Number(m[2]), converted: Number(m[3]) });
  }
  return out;
}

/**
 * The two places where the reference is not Windows' rendering (README.md in src/adapters/evtx):
 * the converter re-parsed the XML, which turns CRLF inside values into LF (XML end-of-line
 * normalisation), and its HexInt un-padding also rewrote Sysmon's StartAddress, which Sysmon
 * stores as the *string* `0x00000000023A0000` (Splunk's own Sysmon 8 sample keeps it padded).
 */
function asReference(xml: string): string {
  return xml.replace(/\r\n/g, "\n").replace(/>0x([0-9A-F]{16})</g, (_m, h: string) => `>0x${BigInt(`0x${h}`).toString(16)}<`);
}

const recordId = (xml: string): string => /<EventRecordID>(\d+)<\/EventRecordID>/.exec(xml)?.[1] ?? "?";

interface FileResult {
  readonly file: string;
  readonly records: number;
  readonly reference: number;
  readonly identical: number;
  readonly explained: number;
  readonly errors: string[];
}

function compare(file: string): FileResult {
  const ref = readFileSync(referenceOf(file), "utf8").split(/\n(?=<Event xmlns=)/).map((r) => r.replace(/\n$/, ""));
  const byId = new Map(ref.map((r) => [recordId(r), r]));
  let records = 0;
  let identical = 0;
  let explained = 0;
  const errors: string[] = [];
  for (const item of readEvtxFile(file)) {
    if (item.kind === "error") {
      errors.push(item.reason);
      continue;
    }
    records++;
    const expected = byId.get(recordId(item.xml));
    if (expected === item.xml) identical++;
    else if (expected !== undefined && expected === asReference(item.xml)) explained++;
  }
  return { file: relative(DATASETS, file), records, reference: ref.length, identical, explained, errors };
}

function rowsById(paths: string[]): Map<string, Record<string, Value>> {
  const store = new EventStore();
  ingestPaths(store, paths);
  const out = new Map<string, Record<string, Value>>();
  for (let r = 0; r < store.length; r++) {
    const row: Record<string, Value> = { _time: store.time(r) };
    for (const name of store.fieldNames()) {
      const v = store.value(r, name);
      // minispl_file names the file read (the .evtx or its XML reference), not the record.
      if (v !== null && name !== "minispl_file") row[name] = v;
    }
    out.set(String(row.EventRecordID), row);
  }
  return out;
}

describe("native EVTX reader on the shared datasets", () => {
  const files = evtxFiles(DATASETS);
  const failures = libevtxFailures();
  const results = files.map(compare);

  it("finds every .evtx of datasets.md (11 files in 3 datasets)", () => {
    expect(results.map((r) => r.file.split("/")[0])).toEqual([
      "chainsaw_tests", "deepbluecli", "deepbluecli", "deepbluecli", ...Array<string>(7).fill("evtx_attack_samples_sbousseaden"),
    ]);
  });

  it("reads every record without an error; counts equal the reference's (libevtx's failures: SOURCE.md's count)", () => {
    const table = results.map((r) => {
      const pct = (100 * r.identical) / r.reference;
      return `${r.file}: ${r.records} records, reference ${r.reference}, byte-identical ${r.identical}/${r.reference} (${pct.toFixed(1)}%), ` +
        `identical but for documented reference artifacts ${r.explained}`;
    });
    console.log(`EVTX vs reference XML:\n  ${table.join("\n  ")}`);
    for (const r of results) {
      expect(r.errors, r.file).toEqual([]);
      const failed = failures.get(r.file);
      expect(failed?.converted ?? r.records, r.file).toBe(r.reference);
      expect(r.records, r.file).toBe(failed?.inEvtx ?? r.reference);
    }
    expect(failures.get("evtx_attack_samples_sbousseaden/evtx/Discovery/dicovery_4661_net_group_domain_admins_target.evtx")).toEqual({ inEvtx: 63, converted: 47 });
  });

  it("renders every reference record byte for byte, except the two documented reference artifacts", () => {
    let identical = 0;
    let total = 0;
    for (const r of results) {
      expect(r.identical + r.explained, `${r.file}: records neither identical nor explained`).toBe(r.reference);
      identical += r.identical;
      total += r.reference;
    }
    // 1044 of 1056: 10 records with CRLF in a value (4672/4661 lists), 2 Sysmon 8 StartAddress.
    expect(total).toBe(1056);
    expect(identical).toBe(1044);
  });

  it("gives the XML files' fields for every byte-identical record", () => {
    for (const file of files) {
      const fromEvtx = rowsById([file]);
      const fromXml = rowsById([referenceOf(file)]);
      expect(fromXml.size).toBeGreaterThan(0);
      for (const [id, xmlRow] of fromXml) {
        const evtxRow = fromEvtx.get(id);
        if (evtxRow?._raw === xmlRow._raw) expect(evtxRow, `${file} record ${id}`).toEqual(xmlRow);
        else expect(asReference(String(evtxRow?._raw)), `${file} record ${id}`).toBe(xmlRow._raw);
      }
    }
  });

  it("index=* | stats count over sliver-sysmon.evtx gives 24, reported as format evtx", () => {
    const store = new EventStore();
    const report = ingestPaths(store, [sharedPath("datasets/deepbluecli/evtx/sliver-sysmon.evtx")]);
    expect(report).toMatchObject({ files: 1, events: 24, byFormat: { evtx: 24 }, skipped: [] });
    const r = runSearch("index=* | stats count", store, { macros: builtinMacros() });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.table?.rows()).toEqual([{ count: 24 }]);
  });

  it("the seed detection fires on wmighost_sysmon_20_21_1.evtx with the row the XML gives (CLI, json)", async () => {
    const run = async (data: string): Promise<unknown> => {
      const r = await runCli(["detect", sharedPath(DETECTION), "--data", sharedPath(data), "--format", "json"]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const fromEvtx = await run("datasets/evtx_attack_samples_sbousseaden/evtx/Persistence/wmighost_sysmon_20_21_1.evtx");
    expect(fromEvtx).toEqual(await run("datasets/evtx_attack_samples_sbousseaden/xml/Persistence/wmighost_sysmon_20_21_1.evtx.xml"));
    expect(fromEvtx).toEqual([expect.objectContaining({ process_name: "scrcons.exe", process_id: "2636", dest: "PC04.example.corp", count: 1 })]);
  });
});
