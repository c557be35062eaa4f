// Acceptance: `| tstats count from datamodel=<D> by source` over the sbousseaden XML corpus equals
// what the add-ons' eventtype tables put in each dataset. The expectation is computed here from
// each record's Channel and EventID alone (regexes), the eventtype tables of cim-mapping.md §2.2
// (Sysmon) and §3.3 (Windows), and the datamodel tag constraints of cim-mapping.md §1 — never
// from the adapter code, so a wrong adapter or datamodel definition shows up as a count mismatch.
import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { builtinMacros, EventStore, ingestPaths, runSearch } from "../../src/index.js";
import { datasetNames } from "../../src/datamodels/registry.js";
import { sharedPath } from "../support/shared.js";

const DIR = sharedPath("datasets/evtx_attack_samples_sbousseaden/xml");
/** A second EVTX-derived corpus (datasets.md §3.4) with 4689/4674, System 7036/7040/7045, WMI, 4104. */
const DEEPBLUE = sharedPath("datasets/deepbluecli/xml");

/** What the test knows about one record, read with regexes only. */
interface Rec {
  readonly source: string;
  readonly code: string;
  readonly tags: ReadonlySet<string>;
  /** The TA's documented `action` where a dataset constraint needs it (§2.3, §2.4, §3.6). */
  readonly action?: string;
  readonly user?: string;
}

const SYSMON = "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational";
const SECURITY = "XmlWinEventLog:Security";
const codes = (s: string): Set<string> => new Set(s.split(","));
/** cim-mapping.md §2.2. */
const SYSMON_TABLE: ReadonlyArray<readonly [Set<string>, readonly string[]]> = [
  [codes("1,5,6,7,8,9,10,15,17,18,24,25"), ["process", "report"]],
  [codes("3"), ["network", "communicate"]],
  [codes("2,11,23,26,27,28,29"), ["endpoint", "filesystem"]],
  [codes("12,13,14"), ["endpoint", "registry"]],
  [codes("22"), ["network", "resolution", "dns"]],
  [codes("19,20,21"), ["change", "endpoint"]],
  [codes("4,16,255"), ["service", "report"]],
];
/** cim-mapping.md §3.3 (Security-source eventtypes; windows_event_signature is on every event). */
const SECURITY_TABLE: ReadonlyArray<readonly [Set<string>, readonly string[]]> = [
  [codes("4688,4689,4696,4673,4674"), ["process", "report"]],
  [codes("4688,592"), ["process", "execute", "start"]],
  [codes("4624,528,540"), ["authentication"]],
  [codes("4720,4741,624,645"), ["add", "account", "change"]],
  // Not in §3.3: minispl's UNVERIFIED Kerberos/NTLM and directory-change eventtypes
  // (src/adapters/README.md), tagged for the datasets §1.6 and §1.7 describe.
  [codes("4768,4769,4771,4776"), ["authentication"]],
  [codes("5136"), ["change"]],
];
const WMI = "XmlWinEventLog:Microsoft-Windows-WMI-Activity/Operational";
/** §3.6: 4625 Status codes whose errorcode-lookup action is not `failure`. */
const LOGON_STATUS_ACTION: Readonly<Record<string, string>> = {
  "0xc000006f": "denied", "0xc0000070": "denied", "0xc000015b": "denied", "0xc0000234": "denied",
  "0xc0000064": "unknown", "0xc0000133": "error", "0xc0000225": "error",
};

function data(raw: string, name: string): string | undefined {
  return new RegExp(`<Data Name='${name}'>([^<]*)</Data>`).exec(raw)?.[1];
}

function record(raw: string): Rec {
  const channel = /<Channel>([^<]*)<\/Channel>/.exec(raw)?.[1] ?? "";
  const code = /<EventID(?:\s[^>]*)?>(\d+)<\/EventID>/.exec(raw)?.[1] ?? "";
  const source = `XmlWinEventLog:${channel}`;
  const tags = new Set<string>(["track_event_signatures"]);
  const table = source === SYSMON ? SYSMON_TABLE : source === SECURITY ? SECURITY_TABLE : [];
  for (const [set, t] of table) if (set.has(code)) t.forEach((x) => tags.add(x));
  let action: string | undefined;
  let user: string | undefined;
  if (source === SYSMON && codes("1,3,6,8,9,10,15,17,18,24,25").has(code)) action = "allowed";
  if (source === SYSMON && codes("5,27,28").has(code)) action = "blocked";
  if (source === SECURITY) {
    tags.add("os").add("windows");
    if (code === "4624") action = "success";
    if (code === "4625") {
      action = LOGON_STATUS_ACTION[(data(raw, "Status") ?? "").toLowerCase()] ?? "failure";
      // windows_logon_failure: 4625 AND ta_windows_action!=error.
      if (action !== "error") tags.add("authentication");
    }
    if (code === "4720" || code === "4741") action = "created";
    if (code === "4624" || code === "4625") user = data(raw, "TargetUserName");
    // Kerberos/NTLM (README choice): result code 0x0 → success, else failure; 4771 always fails.
    // user = TargetUserName without `@REALM`, so `HOST$@REALM` successes leave the root too.
    if (codes("4768,4769,4776").has(code)) action = /^0x0+$/i.test(data(raw, "Status") ?? "") ? "success" : "failure";
    if (code === "4771") action = "failure";
    if (codes("4768,4769,4771,4776").has(code)) user = data(raw, "TargetUserName")?.replace(/@[^@]*$/, "");
    if (code === "5136") action = "modified";
  }
  // WMI-Activity 5857/5858/5861: minispl's UNVERIFIED wineventlog_wmi eventtype (os, windows).
  if (source === WMI && codes("5857,5858,5861").has(code)) tags.add("os").add("windows");
  if (/^XmlWinEventLog:(System|Application)$/i.test(source)) tags.add("os").add("windows");
  // Service Control Manager: not in §3.3's table; minispl's UNVERIFIED windows_system_services
  // eventtype (src/adapters/README.md), the codes Endpoint.Services is documented to hold (§1.3).
  if (source === "XmlWinEventLog:System" && codes("7045,7036,7040").has(code)) tags.add("service").add("report");
  return { source, code, tags, ...(action ? { action } : {}), ...(user ? { user } : {}) };
}

type Pred = (r: Rec) => boolean;
const has = (...t: string[]): Pred => (r) => t.every((x) => r.tags.has(x));
const and = (...p: Pred[]): Pred => (r) => p.every((f) => f(r));
const actionIs = (...a: string[]): Pred => (r) => a.includes(r.action ?? "");
const authRoot = and(has("authentication"), (r) => !(r.action === "success" && (r.user ?? "").endsWith("$")));
const changeRoot = has("change");

/** Datasets this corpus can populate: CIM membership (cim-mapping.md §1.2–§1.7), full lineage. */
const EXPECT: Readonly<Record<string, Pred>> = {
  "Endpoint.Processes": has("process", "report"),
  "Endpoint.Filesystem": has("endpoint", "filesystem"),
  "Endpoint.Registry": has("endpoint", "registry"),
  "Endpoint.Services": has("service", "report"),
  "Endpoint.Ports": has("listening", "port"),
  "Network_Traffic.All_Traffic": has("network", "communicate"),
  "Network_Traffic.Traffic_By_Action": has("network", "communicate"),
  "Network_Traffic.Allowed_Traffic": and(has("network", "communicate"), actionIs("allowed")),
  "Network_Traffic.Blocked_Traffic": and(has("network", "communicate"), actionIs("blocked")),
  "Network_Resolution.DNS": has("network", "resolution", "dns"),
  "Authentication.Authentication": authRoot,
  "Authentication.Failed_Authentication": and(authRoot, actionIs("failure")),
  "Authentication.Successful_Authentication": and(authRoot, actionIs("success")),
  "Change.All_Changes": changeRoot,
  "Change.Endpoint_Changes": and(changeRoot, has("endpoint")),
  // No eventtype here sets change_type=restart, so every Endpoint_Change is an "other" one.
  "Change.Other_Endpoint_Changes": and(changeRoot, has("endpoint")),
  "Change.Network_Changes": and(changeRoot, has("network")),
  "Change.Account_Management": and(changeRoot, has("account")),
  "Change.Accounts_Created": and(changeRoot, has("account"), actionIs("created")),
  "Change.Accounts_Updated": and(changeRoot, has("account"), actionIs("updated", "modified")),
  "Change.Accounts_Deleted": and(changeRoot, has("account"), actionIs("deleted")),
  "Change_Analysis.All_Changes": changeRoot,
  "Change_Analysis.Endpoint_Changes": and(changeRoot, has("endpoint")),
  "Change_Analysis.Network_Changes": and(changeRoot, has("network")),
  "Change_Analysis.Account_Management": and(changeRoot, has("account")),
};

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Records split at lines starting `<Event xmlns=` (datasets.md §5.1). */
function records(dir: string): Rec[] {
  return files(dir).flatMap((f) => readFileSync(f, "utf8").split(/\r?\n(?=<Event xmlns=)/).filter((r) => r.includes("<System>")).map(record));
}

function expected(recs: readonly Rec[], pred: Pred | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!pred) return out;
  for (const r of recs) if (pred(r)) out[r.source] = (out[r.source] ?? 0) + 1;
  return out;
}

/** Ingests `dir` once and checks every dataset's counts by source against `expected`. */
function loaded(dir: string): { store: EventStore; recs: () => Rec[] } {
  const store = new EventStore();
  let recs: Rec[] = [];
  beforeAll(() => {
    const report = ingestPaths(store, [dir]);
    expect(report.skipped).toEqual([]);
    recs = records(dir);
    expect(store.length).toBe(recs.length);
  });
  it.each(datasetNames())("%s", (name) => {
    const r = runSearch(`| tstats count from datamodel=${name} by source`, store, { macros: builtinMacros() });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const got: Record<string, number> = {};
    for (const row of r.table?.rows() ?? []) got[String(row.source)] = Number(row.count);
    expect(got).toEqual(expected(recs, EXPECT[name]));
  });
  return { store, recs: () => recs };
}

describe("datamodel counts by source = the add-ons' eventtype tables (sbousseaden XML)", () => {
  const { recs: all } = loaded(DIR);

  it("the corpus has the records datasets.md §3.4 lists", () => {
    const recs = all();
    expect(recs).toHaveLength(8235);
    // Hand sums of the channel:EventID counts in datasets.md §3.4 through the §2.2/§3.3 tables,
    // so the regex reading above is itself checked against the documented inventory.
    const count = (name: string): Record<string, number> => expected(recs, EXPECT[name]);
    expect(count("Endpoint.Processes")).toEqual({ [SYSMON]: 2522, [SECURITY]: 44 });
    expect(count("Endpoint.Filesystem")).toEqual({ [SYSMON]: 218 });
    expect(count("Endpoint.Registry")).toEqual({ [SYSMON]: 318 });
    expect(count("Endpoint.Services")).toEqual({ [SYSMON]: 4, "XmlWinEventLog:System": 10 });
    expect(count("Network_Traffic.All_Traffic")).toEqual({ [SYSMON]: 164 });
    // Security: 3 account creations + 42 5136 directory changes.
    expect(count("Change.All_Changes")).toEqual({ [SYSMON]: 14, [SECURITY]: 45 });
    // 4768 11 + 4769 2 + 4771 2 + 4776 12 = 27, less one machine-account success (4776 EXCHANGE$).
    const before = expected(recs.filter((r) => !codes("4768,4769,4771,4776").has(r.code)), EXPECT["Authentication.Authentication"]);
    expect(count("Authentication.Authentication")[SECURITY]).toBe((before[SECURITY] ?? 0) + 26);
    // Failures: 4768 with 0x6 (7) + 4771 (2); the 4625s counted as before.
    const failedBefore = expected(recs.filter((r) => !codes("4768,4769,4771,4776").has(r.code)), EXPECT["Authentication.Failed_Authentication"]);
    expect(count("Authentication.Failed_Authentication")[SECURITY]).toBe((failedBefore[SECURITY] ?? 0) + 9);
  });
});

describe("datamodel counts by source = the add-ons' eventtype tables (DeepBlueCLI XML)", () => {
  const { recs: all } = loaded(DEEPBLUE);
  it("the corpus has the records datasets.md §3.4 lists", () => {
    expect(all()).toHaveLength(8095);
    expect(expected(all(), EXPECT["Endpoint.Processes"])).toEqual({ [SYSMON]: 71, [SECURITY]: 143 });
    expect(expected(all(), EXPECT["Endpoint.Services"])).toEqual({ "XmlWinEventLog:System": 9 });
  });
});
