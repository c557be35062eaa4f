/**
 * Typed nodes of one command group. Lookup commands: lookup, inputlookup, outputlookup.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */

/** The union of this group's typed command nodes (`never` while the group is empty). */
export type LookupCommand = never;
