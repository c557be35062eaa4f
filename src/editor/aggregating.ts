/** Commands whose arguments are stats functions (`count`, `dc(x)`, `values(x)`), for completion and hover. */
const AGGREGATING = new Set(["stats", "tstats", "eventstats", "streamstats", "chart", "timechart", "geostats", "sistats", "sichart", "sitimechart"]);

export function isAggregating(command: string): boolean {
  return AGGREGATING.has(command);
}
