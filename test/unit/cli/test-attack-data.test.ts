/**
 * `minispl test` loads each attack data file (with its forced source/sourcetype) once per run and
 * shares it (src/cli/test-attack-data.ts): fewer loads, the same results, and every test still
 * searches exactly the events of its own attack data files.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { EventStore, ingestPaths } from "../../../src/index.js";
import { loadMacros } from "../../../src/cli/load-files.js";
import { AttackDataMemo, concatStores, ingestAttackData, type AttackDataOptions, type AttackDataSource } from "../../../src/cli/test-attack-data.js";
import { testFiles, type TestOptions, type TestRow } from "../../../src/cli/test-runner.js";

const ATTACK_URL = "https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1047/x";
const SYSMON = { source: "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", sourcetype: "xmlwineventlog" };

/** A source that ingests afresh and records every load, and every close of what it loaded. */
function counting(): AttackDataSource & { loads: string[]; closed: string[] } {
  const loads: string[] = [];
  const closed: string[] = [];
  return {
    loads,
    closed,
    load(file: string, opts: AttackDataOptions) {
      const name = `${file.split("/").at(-1)} ${opts.sourcetype ?? "-"}`;
      loads.push(name);
      return { ...ingestAttackData.load(file, opts), close: () => void closed.push(name) };
    },
  };
}

/** An attack_data root with the samples, and detection files whose tests name them. */
function layout(tests: Record<string, { file: string; sourcetype?: string; source?: string }[]>): { root: string; files: string[] } {
  const root = mkdtempSync(join(tmpdir(), "minispl-attack-memo-"));
  mkdirSync(join(root, "datasets/attack_techniques/T1047/x"), { recursive: true });
  for (const f of ["sysmon.xml", "security.xml"]) copyFileSync(join("samples/data", f), join(root, "datasets/attack_techniques/T1047/x", f));
  const seed = readFileSync("samples/detections/script_execution_via_wmi.yml", "utf8");
  const head = seed.slice(0, seed.indexOf("\ntests:"));
  const files = Object.entries(tests).map(([name, entries]) => {
    const file = join(root, "detections", `${name}.yml`);
    mkdirSync(dirname(file), { recursive: true });
    const data = entries.map((e) => `  - data: ${ATTACK_URL}/${e.file}\n${e.source ? `    source: ${e.source}\n` : ""}${e.sourcetype ? `    sourcetype: ${e.sourcetype}\n` : ""}`).join("");
    const renamed = head.replace("name: Script Execution via WMI", `name: ${name}`).replace("script_execution_via_wmi_filter", `${name}_filter`);
    writeFileSync(file, `${renamed}\ntests:\n- name: True Positive Test\n  attack_data:\n${data}`);
    return file;
  });
  return { root, files };
}

function run(files: readonly string[], root: string, source: AttackDataSource): TestRow[] {
  const opts: TestOptions = { attackData: root, data: [], macros: [], lookups: [], format: "json", tz: "UTC" };
  const out: TestRow[][] = [];
  testFiles(files, loadMacros([]).table, opts, (i, rows) => void (out[i] = rows), source);
  return out.flat().map((r) => ({ ...r, duration_ms: 0 }));
}

describe("minispl test: attack data loaded once per run", () => {
  it("loads a file once per forced source/sourcetype, with the results of loading it for every test", () => {
    const { root, files } = layout({
      a: [{ file: "sysmon.xml", ...SYSMON }],
      b: [{ file: "sysmon.xml", ...SYSMON }],
      c: [{ file: "sysmon.xml" }],
      d: [{ file: "security.xml" }],
      e: [{ file: "sysmon.xml", ...SYSMON }],
    });
    const loads = counting();
    const shared = run(files, root, loads);
    expect(loads.loads).toEqual(["sysmon.xml xmlwineventlog", "sysmon.xml -", "security.xml -"]);
    // Each store was let go after its last test: a long run does not keep every file it loaded.
    expect(loads.closed).toEqual(["sysmon.xml -", "security.xml -", "sysmon.xml xmlwineventlog"]);
    // Every test loading its own data afresh (no memo) gives the same rows.
    const fresh: TestRow[] = files.flatMap((f) => run([f], root, ingestAttackData));
    expect(shared).toEqual(fresh);
    expect(shared.map((r) => [r.name, r.status, r.rows])).toEqual([
      ["a", "pass", 1], ["b", "pass", 1], ["c", "pass", 1], ["d", "pass", 1], ["e", "pass", 1],
    ]);
  });

  it("gives a test of several files exactly their events, in order, and leaves the shared stores alone", () => {
    const { root, files } = layout({
      one: [{ file: "sysmon.xml" }],
      both: [{ file: "sysmon.xml" }, { file: "security.xml" }],
      other: [{ file: "security.xml" }],
    });
    const loads = counting();
    expect(run(files, root, loads).map((r) => [r.name, r.status, r.rows])).toEqual([["one", "pass", 1], ["both", "pass", 2], ["other", "pass", 1]]);
    expect(loads.loads).toEqual(["sysmon.xml -", "security.xml -"]);
  });

  it("a test that stops at a missing file reports it, and the file it did not get to stays shared", () => {
    const { root, files } = layout({ gone: [{ file: "nope.xml" }, { file: "sysmon.xml" }], ok: [{ file: "sysmon.xml" }] });
    const loads = counting();
    const rows = run(files, root, loads);
    expect(rows[0]).toMatchObject({ name: "gone", status: "error", message: expect.stringContaining("missing attack data file") });
    expect(rows[1]).toMatchObject({ name: "ok", status: "pass" });
    expect(loads.loads).toEqual(["sysmon.xml -"]);
    expect(loads.closed).toEqual(["sysmon.xml -"]);
  });
});

describe("AttackDataMemo", () => {
  const file = "samples/data/sysmon.xml";

  it("keeps a store until its declared uses are released, then forgets (and closes) it", () => {
    const loads = counting();
    const memo = new AttackDataMemo(loads);
    memo.expect(file, {});
    memo.expect(file, {});
    const first = memo.load(file, {});
    memo.release(file, {});
    expect(memo.load(file, {}).store).toBe(first.store);
    expect(loads.closed).toEqual([]);
    memo.release(file, {});
    expect(loads.closed).toHaveLength(1);
    expect(memo.load(file, {}).store).not.toBe(first.store);
    expect(loads.loads).toHaveLength(2);
  });

  it("loads again when a shared store was appended to, so no test sees another's events", () => {
    const loads = counting();
    const memo = new AttackDataMemo(loads);
    memo.expect(file, {});
    memo.expect(file, {});
    const first = memo.load(file, {});
    const n = first.store.length;
    first.store.append({ time: 0, fields: { stray: "1" } });
    memo.release(file, {});
    const second = memo.load(file, {});
    expect(second.store.length).toBe(n);
    expect(loads.loads).toHaveLength(2);
  });
});

describe("concatStores", () => {
  it("holds what ingesting the files one after another into one store holds", () => {
    const paths = ["samples/data/sysmon.xml", "samples/data/nxlog.json", "samples/data/crowdstrike-fdr.json"];
    const together = new EventStore();
    for (const p of paths) ingestPaths(together, [p]);
    const joined = concatStores(paths.map((p) => ingestAttackData.load(p, {}).store));
    expect(joined.length).toBe(together.length);
    expect(joined.fieldNames()).toEqual(together.fieldNames());
    for (let row = 0; row < together.length; row++) {
      expect(joined.time(row)).toBe(together.time(row));
      for (const f of together.fieldNames()) expect(joined.value(row, f), `${row} ${f}`).toEqual(together.value(row, f));
    }
  });
});
