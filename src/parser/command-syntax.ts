/**
 * Which body grammar a command uses. Almost every command uses the generic shape; only these
 * need a full expression language in their body. Kept here (not in the command registry) so the
 * parser does not depend on the back end.
 */
export type CommandSyntax = "generic" | "search" | "eval" | "expr";

const SYNTAX: Readonly<Record<string, CommandSyntax>> = {
  search: "search",
  eval: "eval",
  // `fieldformat <field>=<eval-expression>`: the body of an eval, one assignment.
  fieldformat: "eval",
  where: "expr",
};

export function commandSyntax(name: string): CommandSyntax {
  return SYNTAX[name.toLowerCase()] ?? "generic";
}

/**
 * Splunk's command names (search reference). Inside `[ … ]`, a leading word from this list starts a
 * command rather than search terms: appendpipe's and foreach's bracket holds a pipeline
 * (`appendpipe [stats count by x | eval …]`), and ESCU writes `append [ mstats … ]`.
 */
const COMMAND_NAMES = new Set([
  "abstract", "accum", "addcoltotals", "addinfo", "addtotals", "analyzefields", "anomalies", "anomalousvalue",
  "append", "appendcols", "appendpipe", "arules", "associate", "autoregress", "bin", "bucket", "bucketdir",
  "chart", "cluster", "cofilter", "collect", "concurrency", "contingency", "convert", "correlate", "counttable",
  "ctable", "datamodel",
  "dbinspect", "dedup", "delete", "delta", "diff", "eval", "eventcount", "eventstats", "extract", "fieldformat",
  "fields", "fieldsummary", "filldown", "fillnull", "findtypes", "foreach", "format", "from", "fromjson",
  "gauge", "gentimes", "geom", "geostats", "head", "highlight", "history", "iconify", "inputcsv", "inputlookup",
  "iplocation", "join", "kmeans", "kv", "kvform", "loadjob", "localize", "localop", "lookup", "makecontinuous",
  "makejson", "makemv", "makeresults", "map", "mcollect", "metadata", "metasearch", "meventcollect", "mpreview",
  "msearch", "mstats", "multikv", "multisearch", "mvcombine", "mvexpand", "nomv", "outlier", "outputcsv",
  "outputlookup", "outputtext", "overlap", "pivot", "predict", "rangemap", "rare", "redistribute", "regex",
  "reltime", "rename", "replace", "require", "rest", "return", "reverse", "rex", "rtorder", "savedsearch",
  "script", "scrub", "searchtxn", "selfjoin", "sendemail", "set", "setfields", "sichart", "sirare", "sistats",
  "sitimechart", "sitop", "sort", "spath", "stats", "strcat", "streamstats", "table", "tags", "tail",
  "timechart", "timewrap", "tojson", "top", "transaction", "transpose", "trendline", "tscollect", "tstats",
  "typeahead", "typelearner", "typer", "union", "uniq", "untable", "walklex", "where", "x11", "xmlkv",
  "xmlunescape", "xpath", "xyseries",
]);

/** Every Splunk command name the parser knows (the command registry reports those it does not run). */
export function splunkCommandNames(): readonly string[] {
  return [...COMMAND_NAMES];
}

/** True for a Splunk command name other than `search` (see COMMAND_NAMES). */
export function isCommandName(word: string): boolean {
  return COMMAND_NAMES.has(word.toLowerCase());
}
