/**
 * The command table: one entry per typed command kind. Its mapped type makes a new kind without
 * a registered definition a compile error. Known Splunk commands that minispl does not run yet
 * are listed so the error can say "not supported" rather than "unknown".
 */
import type { CommandKind, CoreCommand } from "../ast/commands.js";
import { COMBINE_COMMANDS } from "./registry-combine.js";
import { LOOKUP_COMMANDS } from "./registry-lookup.js";
import { SERIES_COMMANDS } from "./registry-series.js";
import { MULTI_COMMANDS } from "./registry-multi.js";
import { REPORT_COMMANDS } from "./registry-report.js";
import { STORE_COMMANDS } from "./registry-store.js";
import { EXTRA_COMMANDS } from "./registry-extra.js";
import { STREAM_COMMANDS } from "./registry-stream.js";
import { convert } from "./convert.js";
import { dedup } from "./dedup.js";
import { evalCommand } from "./eval.js";
import { fields } from "./fields.js";
import { head } from "./head.js";
import { iplocation } from "./iplocation.js";
import { makeresults } from "./makeresults.js";
import { rename } from "./rename.js";
import { search } from "./search.js";
import { sort } from "./sort.js";
import { stats } from "./stats.js";
import { table } from "./table.js";
import { tstats } from "./tstats.js";
import type { CommandDef, CommandTable } from "./types.js";
import { splunkCommandNames } from "../parser/command-syntax.js";
import { where } from "./where.js";

const CORE_COMMANDS: { readonly [K in CoreCommand["kind"]]: CommandDef<K> } = {
  search, tstats, stats, rename, convert, eval: evalCommand, where, table, fields, sort, head, dedup, makeresults, iplocation,
};

export const COMMANDS: CommandTable = {
  ...CORE_COMMANDS, ...STREAM_COMMANDS, ...COMBINE_COMMANDS, ...LOOKUP_COMMANDS,
  ...SERIES_COMMANDS, ...MULTI_COMMANDS, ...REPORT_COMMANDS, ...STORE_COMMANDS, ...EXTRA_COMMANDS,
};

/**
 * Splunk commands minispl knows of: the search reference's list (parser/command-syntax.ts) and the
 * app commands ESCU uses (escu-corpus.md §3). Those not registered are reported as "not
 * supported: <reason>", never as "unknown".
 */
const KNOWN_SPLUNK_COMMANDS: readonly string[] = [
  ...splunkCommandNames(), "apply", "summary", "anomalydetection", "cyberchef", "eval_math", "fit", "score",
  "runshellscript", "dump",
];

export const NOT_YET_SUPPORTED: readonly string[] = [...new Set(KNOWN_SPLUNK_COMMANDS)].filter((n) => !Object.hasOwn(COMMANDS, n)).sort();

const SERVER = "it acts on a Splunk server";
const MLTK = "it needs Splunk's Machine Learning Toolkit (MLTK), which minispl does not have";
const SUMMARY_INDEX = "it writes summary-index statistics for a Splunk server's scheduled searches; run the non-si command instead";
const METRICS = "it works on metrics indexes, which minispl does not store (it holds events only)";
const NOT_DOCUMENTED = "its reference page does not document the algorithm well enough to reproduce Splunk's results";
const UI = "it only changes how Splunk Web draws results; minispl's output has no such view";

/**
 * Why a known command does not run. Those deliberately left out (server, app, UI and metrics
 * commands) say why; the README's "Not supported" list is this table (registry.test.ts).
 */
export const UNSUPPORTED_REASONS: Readonly<Record<string, string>> = {
  apply: MLTK, summary: MLTK, anomalydetection: MLTK, fit: MLTK, score: MLTK,
  outlier: "it is a Machine Learning Toolkit-style command minispl does not implement",
  cyberchef: "it comes from the CyberChef for Splunk app, which minispl does not have",
  eval_math: "it comes from a Splunkbase app minispl does not have",
  mstats: METRICS, mcollect: METRICS, meventcollect: METRICS, mpreview: METRICS, msearch: METRICS,
  rest: `${SERVER}'s REST API, and there is no server`,
  sendemail: "it sends email from a Splunk server; minispl runs offline and sends nothing",
  script: "it runs a script installed in a Splunk app; minispl never executes external programs",
  runshellscript: "it runs a shell script for a Splunk alert; minispl never executes external programs",
  dump: "it exports a Splunk server's search results to files on that server (use outputcsv)",
  delete: "it marks indexed events as deleted on a Splunk server; minispl's inputs are read-only files",
  dbinspect: "it reports a Splunk server's index buckets, which minispl does not have",
  loadjob: "it loads the artifacts of a job that ran on a Splunk server",
  history: "it lists the searches a Splunk server ran",
  localop: "it forces the rest of a distributed search onto the search head; minispl has one process",
  redistribute: "it spreads a search over a Splunk server's intermediate reducers",
  require: "it fails a Splunk search that returns no events; minispl shows the empty result instead",
  tscollect: "it writes a Splunk server's tsidx namespaces, which minispl does not have",
  walklex: "it lists the terms of a Splunk server's index lexicon, which minispl does not keep",
  typeahead: "it reads a Splunk server's index lexicon for search-bar suggestions",
  metasearch: "it reads a Splunk server's index metadata (use metadata or tstats)",
  searchtxn: "it uses transaction types defined in a Splunk server's transactiontypes.conf",
  sichart: SUMMARY_INDEX, sirare: SUMMARY_INDEX, sistats: SUMMARY_INDEX, sitimechart: SUMMARY_INDEX, sitop: SUMMARY_INDEX,
  gauge: UI, highlight: UI, iconify: UI, abstract: UI,
  rtorder: "it buffers real-time search results, and minispl does not run real-time searches",
  // Learning and statistics commands: their pages name the outputs but not the algorithm or its
  // constants, so no result could be checked against Splunk's.
  kmeans: `${NOT_DOCUMENTED} (k-means' initial centroids are chosen at random, so cluster numbers are not reproducible)`,
  predict: `${NOT_DOCUMENTED} (the LL/LLT/LLP/LLP5/LLB/BiLL Kalman-filter models and how their parameters are fitted)`,
  x11: `${NOT_DOCUMENTED} (the X11 seasonal decomposition's filters and iterations)`,
  anomalies: `${NOT_DOCUMENTED} (how the "unexpectedness" score of an event is computed)`,
  anomalousvalue: `${NOT_DOCUMENTED} (the probability model behind anomalous values and the fields it writes)`,
  analyzefields: `${NOT_DOCUMENTED} (how the threshold that best predicts the class field is searched for)`,
  arules: `${NOT_DOCUMENTED} (how the association rules' support and confidence columns are computed and ordered)`,
  associate: `${NOT_DOCUMENTED} (the entropy computation and which key/value pairs are reported)`,
  cofilter: `${NOT_DOCUMENTED} (how its co-occurrence output rows are counted and ordered)`,
  correlate: "its page defines a cell as the percentage of events holding both fields but not the rounding, the denominator, or which internal fields count",
  findtypes: "it suggests event types from a Splunk server's eventtypes and its own unpublished learning algorithm",
  typelearner: "it learns event types with an algorithm its reference page does not describe",
  typer: "it tags events with the event types of a Splunk server's eventtypes.conf, which minispl does not read",
  tags: "it adds the tags of a Splunk server's tags.conf, which minispl does not read",
  geostats: "its output is binned (zoom levels, geobin tiles) for Splunk Web's cluster map, a view minispl does not have",
  geom: "it adds polygon geometry from a geospatial (KMZ/KML) lookup, and minispl's lookups hold only CSV tables",
  kvform: "it extracts fields with form templates (.form files) stored in a Splunk server's apps",
  scrub: "it anonymizes with dictionary files on a Splunk server and random replacements, so its output cannot be reproduced",
  pivot: "it runs a data model pivot whose element strings are written by Splunk Web's Pivot editor and documented only by example",
  overlap: "it checks a summary index for overlapping or missing scheduled-search runs; minispl has no summary indexes",
  localize: "it finds event regions to feed `map` for re-searching a Splunk server by time; its region fields beyond starttime/endtime are not defined",
  bucketdir: "its rule for rolling sources up into directories (preferring directories with many files but few events) is not defined precisely enough to reproduce",
  diff: "its page does not define its output format (diff headers, context lines) precisely enough to reproduce",
  makejson: "it is an internal, unsupported, experimental Splunk command whose JSON field order and typing are undocumented (use tojson)",
};

/** The reason shown for a known command minispl does not run. */
export function unsupportedReason(name: string): string {
  return UNSUPPORTED_REASONS[name] ?? "not implemented yet";
}

export function lookupCommand(name: string): CommandDef<CommandKind> | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(COMMANDS, key) ? (COMMANDS[key as CommandKind] as CommandDef<CommandKind>) : undefined;
}

export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}
