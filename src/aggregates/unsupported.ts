/**
 * Statistical and charting functions of the 10.0 quick reference that stats, eventstats,
 * streamstats and tstats do not run, each with its reason: they are reported as "not supported",
 * never as an unknown name. (timechart handles the per_* functions itself when it supports them.)
 */
export const UNSUPPORTED_AGGREGATES: ReadonlyMap<string, string> = new Map([
  ["per_day", "a timechart function (Time functions: \"You can use this function with the timechart command\")"],
  ["per_hour", "a timechart function (Time functions: \"You can use this function with the timechart command\")"],
  ["per_minute", "a timechart function (Time functions: \"You can use this function with the timechart command\")"],
  ["per_second", "a timechart function (Time functions: \"You can use this function with the timechart command\")"],
  ["rate_avg", "an mstats function over metric time series (\"You can use this function with the mstats command\"); minispl has no metrics index"],
  ["rate_sum", "an mstats function over metric time series (\"You can use this function with the mstats command\"); minispl has no metrics index"],
  ["sparkline", "sparkline charts are a Splunk Web display"],
]);
