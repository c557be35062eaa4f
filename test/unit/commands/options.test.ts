/**
 * No option is both accepted and ignored (issue 12). For every registered command this test learns
 * which `key=` options its check() accepts — it adds an unknown option to the command's first
 * example and reads the allowed names that readOptions puts on the diagnostic — and then requires
 * an OptionProof for each (CommandDef.options): the search with the option and its baseline
 * without it both run cleanly and give different rows.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS, EventStore, compile, ingestText, openGeoIpDatabase, runSearch } from "../../../src/index.js";
import { sampleCityMmdb } from "../../support/mmdb-writer.js";

const PROBE = "zzprobe";
const store = new EventStore();
const opts = { now: 1_700_000_000, tz: "UTC", geoip: openGeoIpDatabase(sampleCityMmdb()) };
const sample = "endpoint/sysmon-process-create.xml";
ingestText(store, readFileSync(new URL(`../../datasets/${sample}`, import.meta.url), "utf8"), sample, {});

interface Probe {
  readonly accepted: readonly string[];
  /** Splunk options the command refuses as "not supported: <reason>". */
  readonly unsupported: Readonly<Record<string, string>>;
}

/** The options check() accepts and refuses, read from the unknown-option diagnostic of a probed example. */
function probeOptions(kind: string, example: string): Probe {
  const at = new RegExp(`\\|\\s*${kind}\\b`, "i").exec(example);
  if (!at) return { accepted: [], unsupported: {} };
  const end = at.index + at[0].length;
  const probed = `${example.slice(0, end)} ${PROBE}=1${example.slice(end)}`;
  const d = compile(probed).diagnostics.find((x) => x.code === "bad-argument" && x.message.includes(`"${PROBE}"`));
  return {
    accepted: (d?.params?.["allowed"] as readonly string[] | undefined) ?? [],
    unsupported: (d?.params?.["unsupported"] as Record<string, string> | undefined) ?? {},
  };
}

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
const notSupported = readme.slice(readme.indexOf("## Not supported"), readme.indexOf("\n## ", readme.indexOf("## Not supported") + 3));

/**
 * The result of a proof's search: its rows, or the error it ends with at run time (`strict=true`
 * on a missing table). A search that does not pass the check stage proves nothing: it fails.
 */
function rowsOf(q: string): string {
  const r = runSearch(q, store, opts);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors.filter((d) => d.code !== "runtime-error").map((d) => `${d.code}: ${d.message}`), q).toEqual([]);
  return JSON.stringify({ fields: r.table?.fields ?? [], rows: r.table?.rows() ?? [], errors: errors.map((d) => d.message) });
}

const entries = Object.values(COMMANDS).map((c) => [c.kind, c] as const);

describe.each(entries)("%s", (kind, def) => {
  const probe = def.examples[0] === undefined ? { accepted: [], unsupported: {} } : probeOptions(kind, def.examples[0]);
  const accepted = probe.accepted;

  it("lists every option it refuses in the README's \"Not supported\" section", () => {
    const missing = Object.keys(probe.unsupported).filter((o) => !notSupported.includes(`${kind} ${o}=`));
    expect(missing, "write them as `<command> <option>=` under ## Not supported").toEqual([]);
  });

  it("has a proof for every option it accepts", () => {
    const proofs = Object.keys(def.options ?? {});
    expect(accepted.filter((o) => !proofs.includes(o)), "accepted options without a proof").toEqual([]);
    expect(proofs.filter((o) => !accepted.includes(o)), "proofs of options it does not accept").toEqual([]);
  });

  const proofs = Object.entries(def.options ?? {});
  if (proofs.length > 0) {
    it.each(proofs)("option %s changes the result", (_name, proof) => {
      if ("moot" in proof) {
        expect(proof.moot.length, "a moot option says why it cannot matter").toBeGreaterThan(30);
      } else if ("warning" in proof) {
        const r = runSearch(proof.query, store, opts);
        expect(r.diagnostics.filter((d) => d.severity === "error"), proof.query).toEqual([]);
        const warnings = r.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
        expect(warnings.join("\n"), proof.query).toContain(proof.warning);
      } else {
        expect(rowsOf(proof.query)).not.toEqual(rowsOf(proof.baseline));
      }
    });
  }
});
