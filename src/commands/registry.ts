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
import { where } from "./where.js";

const CORE_COMMANDS: { readonly [K in CoreCommand["kind"]]: CommandDef<K> } = {
  search, tstats, stats, rename, convert, eval: evalCommand, where, table, fields, sort, head, dedup, makeresults, iplocation,
};

export const COMMANDS: CommandTable = {
  ...CORE_COMMANDS, ...STREAM_COMMANDS, ...COMBINE_COMMANDS, ...LOOKUP_COMMANDS,
  ...SERIES_COMMANDS, ...MULTI_COMMANDS, ...REPORT_COMMANDS, ...STORE_COMMANDS,
};

/** Splunk commands ESCU uses (escu-corpus.md §3); those not registered are "not supported yet". */
const KNOWN_SPLUNK_COMMANDS: readonly string[] = [
  "lookup", "rex", "bucket", "bin", "join", "eventstats", "fillnull", "spath", "inputlookup", "regex", "foreach",
  "mvexpand", "iplocation", "outputlookup", "mstats", "append", "appendpipe", "transaction", "xmlkv", "map", "from",
  "addtotals", "fromjson", "makemv", "rare", "replace", "top", "streamstats", "timechart", "extract", "multikv",
  "tail", "appendcols", "datamodel", "chart", "mvcombine", "nomv", "reverse", "uniq", "collect", "return", "format",
  "apply", "summary", "anomalydetection", "outlier", "cyberchef", "eval_math", "untable", "xyseries", "delta",
  // A Splunk user's first week (issue 12), beyond ESCU's own list.
  "fieldsummary", "metadata", "eventcount", "accum", "autoregress", "trendline", "filldown", "strcat", "fieldformat",
  "rangemap", "reltime", "addinfo", "addcoltotals", "union", "multisearch", "set", "selfjoin", "gentimes", "cluster",
  "savedsearch", "inputcsv", "outputcsv",
];

export const NOT_YET_SUPPORTED: readonly string[] = KNOWN_SPLUNK_COMMANDS.filter((n) => !Object.hasOwn(COMMANDS, n));

/** Why a known command does not run: app commands say which app they need. */
const REASONS: Readonly<Record<string, string>> = {
  apply: "it applies a model of Splunk's Machine Learning Toolkit (MLTK), which minispl does not have",
  summary: "it describes a model of Splunk's Machine Learning Toolkit (MLTK), which minispl does not have",
  anomalydetection: "it needs Splunk's Machine Learning Toolkit anomaly models, which minispl does not have",
  outlier: "it is a Machine Learning Toolkit-style command minispl does not implement",
  cyberchef: "it comes from the CyberChef for Splunk app, which minispl does not have",
  mstats: "it reads metrics indexes, which minispl does not store (it holds events only)",
};

/** The reason shown for a known command minispl does not run. */
export function unsupportedReason(name: string): string {
  return REASONS[name] ?? "not implemented yet";
}

export function lookupCommand(name: string): CommandDef<CommandKind> | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(COMMANDS, key) ? (COMMANDS[key as CommandKind] as CommandDef<CommandKind>) : undefined;
}

export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}
