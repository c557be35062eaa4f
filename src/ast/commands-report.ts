/**
 * Typed nodes of one command group. Reporting commands: chart, fieldsummary.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */

/** The union of this group's typed commands (none registered yet). */
export type ReportCommand = never;
