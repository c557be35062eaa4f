/**
 * Typed nodes of one command group. Row-wise and statistics commands beyond the core: rex, regex, bin/bucket, fillnull, eventstats, streamstats, mvexpand, makemv, spath, …
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */

/** The union of this group's typed command nodes (`never` while the group is empty). */
export type StreamCommand = never;
