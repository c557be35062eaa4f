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
 * Commands whose positional arguments are field names (a `<wc-field-list>`, `<field> AS <newname>`
 * and the like). Stats names its columns after the call, `dc(clientip)`, and the Search Reference
 * uses such a name unquoted in these commands: delta's extended example 2 runs
 * `| delta _time p=1 | rename delta(_time) AS timeDeltaS`. Written there, a call-shaped argument
 * is the name of a field, so the AST gives it as a word with its text as written (cst-to-ast.ts).
 * The value is the call names that keep their meaning as calls in that command: sort's and
 * dedup sortby's type wrappers `num(x)`, `str(x)`, `ip(x)`, `auto(x)` (sort reference).
 * Commands where a call means something (stats and its family, convert, trendline, tojson) are
 * not listed.
 */
const NO_CALLS: ReadonlySet<string> = new Set();
const SORT_WRAPPERS: ReadonlySet<string> = new Set(["auto", "str", "ip", "num"]);
const FIELD_NAME_ARGS: Readonly<Record<string, ReadonlySet<string>>> = {
  rename: NO_CALLS, table: NO_CALLS, fields: NO_CALLS, sort: SORT_WRAPPERS, dedup: SORT_WRAPPERS,
  fillnull: NO_CALLS, filldown: NO_CALLS, mvcombine: NO_CALLS, mvexpand: NO_CALLS, nomv: NO_CALLS,
  makemv: NO_CALLS, delta: NO_CALLS, accum: NO_CALLS, autoregress: NO_CALLS, addtotals: NO_CALLS,
  addcoltotals: NO_CALLS, xyseries: NO_CALLS, untable: NO_CALLS, top: NO_CALLS, rare: NO_CALLS,
  fieldsummary: NO_CALLS, strcat: NO_CALLS, contingency: NO_CALLS, ctable: NO_CALLS,
  counttable: NO_CALLS, selfjoin: NO_CALLS, iplocation: NO_CALLS, lookup: NO_CALLS, replace: NO_CALLS,
};

/**
 * True for a call name that some command above keeps as a call (the sort type wrappers): the AST
 * then depends on that identifier's image, which foreach's fast path must know (foreach-fast.ts).
 */
export function keepsCallMeaning(word: string): boolean {
  return SORT_WRAPPERS.has(word.toLowerCase());
}

/** The commands whose positional arguments are field names (for the tests). */
export function fieldNameCommands(): readonly string[] {
  return Object.keys(FIELD_NAME_ARGS);
}

/** True when, in `command`, a positional argument written as the call `call(…)` is a field name. */
export function callIsFieldName(command: string, call: string): boolean {
  const keep = FIELD_NAME_ARGS[command.toLowerCase()];
  return keep !== undefined && !keep.has(call.toLowerCase());
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
