/**
 * Typed nodes of one command group. Commands over several result sets or generated ones: union, multisearch, set, selfjoin, gentimes, return, format, cluster.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */

/** The union of this group's typed commands (none registered yet). */
export type MultiCommand = never;
