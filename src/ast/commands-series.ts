/**
 * Typed nodes of one command group. Row-by-row series and field formatting commands: delta, accum, autoregress, trendline, filldown, strcat, rangemap, reltime, addinfo, addcoltotals, fieldformat.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */

/** The union of this group's typed commands (none registered yet). */
export type SeriesCommand = never;
