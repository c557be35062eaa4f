/**
 * Which operator each command is. A mapped type over every command kind, so a new command must be
 * classified here to compile; `local` is the honest answer for one the plan does not model.
 */
import type { CommandKind } from "../ast/commands.js";
import type { Op } from "./nodes.js";

export const OP_OF: { readonly [K in CommandKind]: Exclude<Op, "scan"> } = {
  // A leading search is a scan (build-plan.ts); any later one filters results.
  search: "filter", where: "filter", regex: "filter",
  tstats: "aggregate", stats: "aggregate", top: "aggregate", rare: "aggregate", timechart: "aggregate", chart: "aggregate", fieldsummary: "aggregate",
  eval: "eval", convert: "eval", rex: "eval", bin: "eval", bucket: "eval", fillnull: "eval", makemv: "eval",
  nomv: "eval", spath: "eval", fromjson: "eval", xmlkv: "eval", extract: "eval", kv: "eval", replace: "eval",
  iplocation: "eval",
  rename: "project", table: "project", fields: "project",
  sort: "sort", reverse: "sort",
  head: "limit", tail: "limit",
  dedup: "dedup", uniq: "dedup",
  join: "join", lookup: "join",
  append: "union", appendpipe: "union",
  eventstats: "window", streamstats: "window",
  mvexpand: "unnest",
  // Generators, side effects, templates and reshapes the plan does not model.
  makeresults: "local", inputlookup: "local", outputlookup: "local", from: "local", datamodel: "local",
  appendcols: "local", foreach: "local", map: "local", transaction: "local", multikv: "local",
  addtotals: "local", mvcombine: "local", untable: "local", xyseries: "local",
  // Multi-set commands (issue 12): union appends datasets; the others are generators or reshapes.
  union: "union", multisearch: "local", set: "local", selfjoin: "local", gentimes: "local", return: "local",
  format: "local", cluster: "local",
  // Series and formatting commands (issue 12): per-row values, running values over the rows, a totals row.
  strcat: "eval", rangemap: "eval", reltime: "eval", addinfo: "eval", fieldformat: "eval", filldown: "window",
  delta: "window", accum: "window", autoregress: "window", trendline: "window", addcoltotals: "local",
  // Store and detection-set commands (issue 12): generators and side effects the plan does not model.
  metadata: "local", eventcount: "local", savedsearch: "local", collect: "local", inputcsv: "local", outputcsv: "local",
  // More commands (issue 12): per-row extractions and settings; reshapes and table builders the plan does not model.
  xmlunescape: "eval", tojson: "eval", xpath: "eval", setfields: "eval", outputtext: "eval", concurrency: "window",
  transpose: "local", contingency: "aggregate", ctable: "aggregate", counttable: "aggregate", makecontinuous: "local", timewrap: "local",
};
