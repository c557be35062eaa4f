/**
 * ESCU's lookups (../shared/escu/lookups: 79 definitions, 49 CSV files) load without problems,
 * every definition resolves as escu-corpus.md describes (CSV-backed, KV-store collection, MLTK
 * model, or the one CSV left out for size), every match_type field is a column of its table, and
 * the lookups ESCU's detections and macros use run on real tables. Fails loudly without ../shared.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Command } from "../../src/ast/commands.js";
import {
  buildLookupStore, builtinMacros, compile, EventStore, parseDetection, parseEscuMacroYaml, runnableSearch, runSearch,
  withFilterMacro, type LookupStore, type MacroDef,
} from "../../src/index.js";
import { sharedPath } from "../support/shared.js";

const LOOKUPS = sharedPath("escu/lookups");
const files = readdirSync(LOOKUPS).sort().map((f) => ({ path: join(LOOKUPS, f), text: readFileSync(join(LOOKUPS, f), "utf8") }));
const loaded = buildLookupStore(files.filter((f) => f.path.endsWith(".yml")), files.filter((f) => f.path.endsWith(".csv")));
const store: LookupStore = loaded.store;

const macroDir = sharedPath("escu/macros");
const macroDefs: MacroDef[] = readdirSync(macroDir).flatMap((f) => parseEscuMacroYaml(readFileSync(join(macroDir, f), "utf8"), f).macros);
const macros = builtinMacros().with(macroDefs);

function run(q: string) {
  return runSearch(q, new EventStore(), { now: 1_700_000_000, macros, lookups: store });
}

describe("ESCU lookups load", () => {
  it("79 definitions and 49 CSV files, with no YAML or CSV problems", () => {
    expect(loaded.problems).toEqual([]);
    expect(store.definitions).toHaveLength(79);
    expect(store.fileNames).toHaveLength(49);
  });

  it("every definition resolves to a table, except KV-store collections, MLTK models and the CSV left out", () => {
    const kinds: Record<string, string[]> = { csv: [], kvstore: [], mlmodel: [], missing: [] };
    for (const d of store.definitions) {
      const r = store.resolve(d.name);
      const kind = r.table ? "csv" : d.collection ? "kvstore" : d.filename?.endsWith(".mlmodel") ? "mlmodel" : "missing";
      kinds[kind]?.push(d.name);
    }
    console.log(`ESCU lookups: ${kinds.csv?.length} CSV-backed, ${kinds.kvstore?.length} KV-store, ${kinds.mlmodel?.length} MLTK models, missing: ${kinds.missing?.join(", ")}`);
    expect(kinds.missing).toEqual(["dynamic_dns_providers_default"]);
    expect(kinds.kvstore).toHaveLength(24);
    expect(kinds.mlmodel).toHaveLength(5);
    expect(kinds.csv).toHaveLength(49);
  });

  it("every match_type field is a column of its CSV, but for four ESCU quirks (matching on them never happens)", () => {
    const bad: string[] = [];
    for (const d of store.definitions) {
      const table = store.resolve(d.name).table;
      if (!table) continue;
      for (const f of d.matchTypes.keys()) if (!table.fields.includes(f)) bad.push(`${d.name}: ${f}`);
    }
    expect(bad).toEqual([
      "applockereventcodes: AppLocker_Event_Code",
      "char_conversion_matrix: data",
      "lookup_uncommon_processes_default: process",
      "lookup_uncommon_processes_local: process",
    ]);
  });
});

describe("the lookups ESCU's detections use", () => {
  const detDir = sharedPath("escu/detections");
  const detFiles = readdirSync(detDir, { recursive: true }).map(String).filter((f) => f.endsWith(".yml")).sort();
  const uses: { file: string; kind: string; table: string }[] = [];
  let withLookups = 0;
  for (const f of detFiles) {
    const det = parseDetection(readFileSync(join(detDir, f), "utf8"), f).detection;
    if (!det) continue;
    const c = compile(runnableSearch(det.search), { macros: withFilterMacro(det, macros) });
    const found = lookupCommands(c.commands).map((cmd) => ({ file: f, kind: cmd.kind, table: (cmd as { table: string }).table }));
    if (found.length) withLookups++;
    uses.push(...found);
  }

  it("resolve, or are the ES/KV/URL-Toolbox tables escu-corpus.md lists as not shipped", () => {
    const tables = [...new Set(uses.map((u) => u.table))].sort();
    const unresolved = tables.filter((t) => !store.resolve(t).table);
    console.log(`${withLookups} compiling detections use ${uses.length} lookup commands over ${tables.length} tables; ${unresolved.length} without data: ${unresolved.join(", ")}`);
    expect(tables.length).toBeGreaterThan(40);
    for (const t of ["msad_guid_lookup", "builtin_groups_lookup", "ace_access_rights_lookup", "remote_access_software", "asr_rules", "hijacklibs_loaded"]) {
      if (tables.includes(t)) expect(store.resolve(t).table, t).not.toBeNull();
    }
    for (const t of unresolved) expect(store.resolve(t).missing, t).toBeDefined();
  });

  it("run without lookup errors on an empty event store (every OUTPUT field exists in its table)", () => {
    const lookupErrors: string[] = [];
    for (const f of [...new Set(uses.map((u) => u.file))]) {
      const det = parseDetection(readFileSync(join(detDir, f), "utf8"), f).detection;
      if (!det) continue;
      const r = runSearch(runnableSearch(det.search), new EventStore(), { now: 1_700_000_000, macros: withFilterMacro(det, macros), lookups: store });
      for (const d of r.diagnostics) if (d.severity === "error" && /lookup/.test(d.message)) lookupErrors.push(`${f}: ${d.message}`);
    }
    expect(lookupErrors).toEqual([]);
  });
});

describe("real ESCU tables", () => {
  it("is_windows_system_file_macro: case-insensitive exact match with default_match=false", () => {
    const r = run('| makeresults count=1 | eval process_name="CMD.EXE" | `is_windows_system_file_macro`');
    expect(r.table?.rows()).toEqual([{ _time: 1_700_000_000, process_name: "CMD.EXE", systemFile: "true" }]);
    const miss = run('| makeresults | eval process_name="evil.exe" | lookup is_windows_system_file filename AS process_name OUTPUT systemFile');
    expect(miss.table?.get("systemFile", 0)).toBe("false");
  });

  it("remote_access_software: WILDCARD domains, case-insensitive, max_matches=1", () => {
    const q = (domain: string) => run(`| makeresults | eval query="${domain}" | lookup remote_access_software remote_domain AS query OUTPUT isutility, description AS signature, category`);
    expect(q("relay.247ithelp.COM").table?.rows()[0]).toMatchObject({ isutility: "TRUE", signature: "247ithelp.com (ConnectWise)", category: "RMM" });
    expect(q("NET.anydesk.com").table?.rows()[0]).toMatchObject({ isutility: "TRUE", signature: "AnyDesk" });
    expect(q("example.org").table?.rows()[0]).toMatchObject({ isutility: "false", signature: "false", category: "false" });
  });

  it("the dynamic_dns_providers macro warns about the CSV left out and still runs", () => {
    const r = run('| makeresults | eval query="x.duckdns.org" | `dynamic_dns_providers`');
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'lookup: the file of lookup "dynamic_dns_providers_default", dynamic_dns_providers_default.csv, is not loaded; using an empty table',
    ]);
    expect(r.table?.length).toBe(0);
  });
});

/** Lookup-group commands of a checked pipeline, including those in search subsearches. */
function lookupCommands(commands: readonly Command[]): Command[] {
  const out: Command[] = [];
  for (const c of commands) {
    if (c.kind === "lookup" || c.kind === "inputlookup" || c.kind === "outputlookup") out.push(c);
    if (c.kind === "search") for (const nested of c.subsearches.values()) out.push(...lookupCommands(nested));
  }
  return out;
}
