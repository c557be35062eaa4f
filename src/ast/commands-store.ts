/**
 * Typed nodes of one command group. Commands that read or write the store and the loaded detections: metadata, eventcount, savedsearch, collect, inputcsv, outputcsv.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */

/** The union of this group's typed commands (none registered yet). */
export type StoreCommand = never;
