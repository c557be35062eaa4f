/**
 * Whether a search's results are events (shown as Splunk Web's Events tab shows them: time, raw
 * text, the event's own fields) or a statistics table (shown with its columns).
 *
 * Splunk's rule: a search whose pipeline holds a transforming command returns a statistics table;
 * one without returns events. The transforming commands are listed in the Search Reference's
 * "Command types" (https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/quick-reference/command-types)
 * and the Search Manual's "About transforming commands and searches"
 * (https://help.splunk.com/en/splunk-enterprise/search/search-manual/10.0/create-statistical-tables-and-chart-visualizations):
 * chart, timechart, top, rare, stats, table, mvcombine, xyseries, addtotals with column totals.
 * Here `fields` also gives a table: it keeps the named columns, and showing them as events with
 * `_raw` gone would hide what was asked for. A search that starts with a generating command that
 * is not an event source (makeresults, inputlookup, tstats) returns results, not events.
 */
import type { Command, CommandKind, CommandOf } from "../ast/commands.js";

/** What a command does to "these are events": keeps it, makes a table, or (first) reads events. */
type Role = "keeps" | "table" | "events";

/** Per command kind (a mapped type: a new command does not compile until it is classified here). */
const ROLE: { readonly [K in CommandKind]: Role | ((c: CommandOf<K>) => Role) } = {
  // Event sources: the base search over the index, and the datamodel commands that return a dataset's events
  // (`from lookup:`/`from savedsearch:` return a table's rows or a search's results instead).
  search: (c) => (c.leading ? "events" : "keeps"), from: (c) => (c.dataset ? "table" : "events"), datamodel: "events",
  // Transforming commands (Splunk's list), and generators whose output is a results table.
  stats: "table", tstats: "table", top: "table", rare: "table", timechart: "table", chart: "table", fieldsummary: "table", table: "table", fields: "table",
  mvcombine: "table", xyseries: "table", untable: "table", addtotals: (c) => (c.col ? "table" : "keeps"),
  makeresults: "table", inputlookup: "table",
  // `map` runs a search per input row; what those return is not known before they run.
  map: "table",
  // Streaming and dataset-processing commands: events stay events (transaction's are grouped events).
  where: "keeps", regex: "keeps", eval: "keeps", convert: "keeps", rex: "keeps", bin: "keeps", bucket: "keeps",
  fillnull: "keeps", makemv: "keeps", nomv: "keeps", spath: "keeps", fromjson: "keeps", xmlkv: "keeps", extract: "keeps",
  kv: "keeps", replace: "keeps", iplocation: "keeps", rename: "keeps", sort: "keeps", reverse: "keeps", head: "keeps",
  tail: "keeps", dedup: "keeps", uniq: "keeps", join: "keeps", lookup: "keeps", append: "keeps", appendpipe: "keeps",
  eventstats: "keeps", streamstats: "keeps", mvexpand: "keeps", outputlookup: "keeps", appendcols: "keeps",
  foreach: "keeps", transaction: "keeps", multikv: "keeps",
  // Multi-set commands (issue 12): multisearch interleaves event searches; set, gentimes, return and
  // format make results; union, selfjoin and cluster keep what they are given.
  multisearch: "events", union: "keeps", selfjoin: "keeps", cluster: "keeps", set: "table", gentimes: "table",
  return: "table", format: "table",
  // Series and formatting commands (issue 12): streaming, so events stay events; addcoltotals
  // appends a totals row, like addtotals col=t.
  delta: "keeps", accum: "keeps", autoregress: "keeps", trendline: "keeps", filldown: "keeps", strcat: "keeps",
  rangemap: "keeps", reltime: "keeps", addinfo: "keeps", fieldformat: "keeps", addcoltotals: "table",
  // Store and detection-set commands (issue 12): generators of results tables; collect and outputcsv pass results on.
  metadata: "table", eventcount: "table", savedsearch: "table", inputcsv: "table", collect: "keeps", outputcsv: "keeps",
  // More commands (issue 12): streaming ones keep events; transpose, contingency and makecontinuous
  // make tables (the first two are transforming commands in the reference's "Command types").
  xmlunescape: "keeps", tojson: "keeps", xpath: "keeps", setfields: "keeps", concurrency: "keeps",
  transpose: "table", contingency: "table", ctable: "table", counttable: "table", makecontinuous: "table", timewrap: "table",
  // outputtext "is a reporting command" (its page): its results are a table.
  outputtext: "table",
};

function roleOf<K extends CommandKind>(c: CommandOf<K>): Role {
  const r = ROLE[c.kind] as Role | ((c: CommandOf<K>) => Role);
  return typeof r === "function" ? r(c) : r;
}

/**
 * True when the checked pipeline's results are events: it starts by reading events (a base search,
 * `from datamodel`, `datamodel`) and no later command turns them into a table.
 * @example endsInEvents(checked("index=* | eval x=1")) // true
 * @example endsInEvents(checked("index=* | stats count")) // false
 */
export function endsInEvents(commands: readonly Command[]): boolean {
  const [first, ...rest] = commands;
  if (!first || roleOf(first) !== "events") return false;
  return rest.every((c) => roleOf(c) === "keeps");
}
