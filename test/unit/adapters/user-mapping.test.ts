// User mapping files (`--mapping`, user-mapping.ts + mapped-events.ts) for JSON-lines and CSV logs no
// adapter knows: time formats, host/source/sourcetype, CIM aliases, eventtypes/tags into the
// datamodels, skipped records with line numbers, validation errors, and the CLI option.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinMacros, runSearch } from "../../../src/index.js";
import { parseMapping } from "../../../src/adapters/index.js";
import { parseTime } from "../../../src/adapters/mapped-events.js";
import { runCli } from "../../support/cli.js";
import { ingest } from "./fixtures.js";

const EDR_YML = `
sourcetype: acme:edr
source: { field: sensor.name }
host: { field: device }
time: { field: ts, format: epoch_ms }
fields: { exe: process_name, cmd: process, parent.exe: parent_process_name }
eventtypes:
  - { name: acme_process, tags: [process, report], where: { kind: PROC_START } }
`;
const EDR = [
  '{"ts":1709280000123,"device":"lt-01","kind":"proc_start","exe":"curl","cmd":"curl -O http://198.51.100.4/a","parent":{"exe":"bash"},"sensor":{"name":"acme-7"},"ips":["10.0.0.5","10.0.0.6"]}',
  '{"ts":1709280001000,"device":"lt-01","kind":"net","exe":"curl"}',
  "not json",
  '{"device":"lt-02","kind":"proc_start"}',
].join("\n");

describe("JSON lines with a mapping", () => {
  const mapping = parseMapping(EDR_YML, "edr.yml");
  const { rows, report, store } = ingest(EDR, { mapping }, "edr.log");

  it("maps metadata, time, aliases and nested/array field names", () => {
    expect(rows[0]).toMatchObject({
      _time: 1709280000.123,
      host: "lt-01",
      source: "acme-7",
      sourcetype: "acme:edr",
      process_name: "curl",
      exe: "curl",
      process: "curl -O http://198.51.100.4/a",
      parent_process_name: "bash",
      "ips{}": ["10.0.0.5", "10.0.0.6"],
      eventtype: "acme_process",
      tag: ["process", "report"],
    });
    expect(rows[1]!.tag).toBeUndefined();
    expect(report.byFormat).toEqual({ mapped: 2 });
    expect(report.skipped).toEqual([
      { file: "edr.log", line: 3, reason: "not a JSON object on one line" },
      { file: "edr.log", line: 4, reason: 'no time field "ts"' },
    ]);
  });

  it("tagged events enter the CIM datamodel", () => {
    const r = runSearch("| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.process_name Processes.parent_process_name", store, { macros: builtinMacros() });
    expect(r.table?.rows()).toEqual([{ "Processes.dest": "unknown", "Processes.process_name": "curl", "Processes.parent_process_name": "bash", count: 1 }]);
  });

  it("a format an adapter knows keeps its adapter", () => {
    const fdr = '{"event_simpleName":"ProcessRollup2","timestamp":"1699350072204","ImageFileName":"\\\\Device\\\\x.exe","event_platform":"Win"}';
    expect(ingest(fdr, { mapping }).report.byFormat).toEqual({ "crowdstrike-fdr": 1 });
  });
});

describe("CSV with a mapping", () => {
  it("reads the header, quoted values across lines, a strptime format and the tags shorthand", () => {
    const yml = 'sourcetype: fw:csv\nhost: fw-01\ntime: { field: when, format: "%d/%m/%Y %H:%M:%S" }\ntimezone: Europe/Berlin\nfields: { dst: dest }\ntags: [network, communicate]\n';
    const csv = 'when,dst,note\n01/03/2024 10:00:00,203.0.113.7,"two\nlines, ""quoted"""\n02/03/2024 11:00:00,203.0.113.8\n';
    const { rows, report } = ingest(csv, { mapping: parseMapping(yml, "fw.yml") }, "fw.csv");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ _time: Date.UTC(2024, 2, 1, 9) / 1000, host: "fw-01", source: "fw.csv", dest: "203.0.113.7", note: 'two\nlines, "quoted"', tag: ["communicate", "network"], eventtype: "fw:csv" });
    expect(report.skipped).toEqual([{ file: "fw.csv", line: 4, reason: "CSV record has 2 values, the header has 3" }]);
  });

  it("time formats", () => {
    expect(parseTime("2024-03-01 10:00:00", "iso8601", "UTC")).toBe(Date.UTC(2024, 2, 1, 10) / 1000);
    expect(parseTime("2024-03-01T10:00:00+02:00", "iso8601", "UTC")).toBe(Date.UTC(2024, 2, 1, 8) / 1000);
    expect(parseTime("1709287200.5", "epoch", "UTC")).toBe(1709287200.5);
    expect(parseTime("yesterday", "iso8601", "UTC")).toBeUndefined();
  });
});

describe("mapping validation and the CLI option", () => {
  it("names the file and the bad key", () => {
    expect(() => parseMapping("sourcetyp: x\n", "m.yml")).toThrow('m.yml: unknown key "sourcetyp"');
    expect(() => parseMapping("eventtypes: [{ name: a }]\n", "m.yml")).toThrow("m.yml: eventtypes[0].tags must be a non-empty list");
    expect(() => parseMapping("- a\n", "m.yml")).toThrow("m.yml: a mapping file is a YAML map");
  });

  it("minispl search --mapping", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-mapping-"));
    writeFileSync(join(dir, "edr.yml"), EDR_YML);
    writeFileSync(join(dir, "edr.log"), `${EDR.split("\n")[0]}\n`);
    const ok = await runCli(["search", "| tstats count from datamodel=Endpoint.Processes by Processes.process_name", "--data", join(dir, "edr.log"), "--mapping", join(dir, "edr.yml"), "--format", "json", "-q"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([{ "Processes.process_name": "curl", count: 1 }]);
    writeFileSync(join(dir, "bad.yml"), "tags: []\n");
    const bad = await runCli(["search", "| tstats count", "--data", join(dir, "edr.log"), "--mapping", join(dir, "bad.yml")]);
    expect(bad.stderr).toContain("bad.yml: tags must be a non-empty list");
    expect(bad.code).not.toBe(0);
  });
});
