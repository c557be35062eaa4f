/**
 * Which pipelines are "purely streaming" (multisearch and union), and the interleaving of their
 * results. The command classes are the Search Reference's "Command types" page
 * (help.splunk.com/splunk-enterprise/spl-search-reference/10.0/quick-reference/command-types):
 * distributable streaming commands run on each event by itself, wherever it is. multisearch takes
 * only those ("Only streaming operations are allowed in each subsearch. Examples of streaming
 * searches include searches with the following commands: search, eval, where, fields, and rex",
 * multisearch reference); union treats such datasets like multisearch and the others like append.
 * A pipeline must also start by reading events (a search, or a datamodel's events): a generating
 * command such as makeresults or inputlookup is not a streaming search.
 */
import type { Command } from "../ast/commands.js";
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";

/** Distributable streaming commands (names, so that kinds added by other groups need no import). */
const STREAMING = new Set<string>([
  "search", "eval", "where", "fields", "rename", "rex", "regex", "convert", "makemv", "nomv", "spath", "fromjson",
  "xmlkv", "extract", "kv", "replace", "iplocation", "lookup", "mvexpand", "multikv", "strcat", "rangemap", "reltime",
  "fieldformat", "addinfo",
]);

/** Commands that are streaming only with some arguments (the Command types page's notes). */
function conditionallyStreaming(c: Command): boolean {
  switch (c.kind) {
    // "fillnull: distributable streaming when a field-list is specified"; "addtotals: … row=true".
    case "fillnull": return c.fields.length > 0;
    case "addtotals": return !c.col;
    default: return false;
  }
}

/** Event sources a streaming search may start with. */
const EVENT_SOURCES = new Set<string>(["search", "from", "datamodel"]);

/**
 * The 0-based position of the first command that keeps the pipeline from being purely streaming,
 * or -1 when it is streaming throughout.
 */
export function firstNonStreaming(commands: readonly Command[]): number {
  const first = commands[0];
  if (!first || !EVENT_SOURCES.has(first.kind) || (first.kind === "search" && !first.leading)) return 0;
  for (let i = 1; i < commands.length; i++) {
    const c = commands[i] as Command;
    if (!STREAMING.has(c.kind) && !conditionallyStreaming(c)) return i;
  }
  return -1;
}

/**
 * The tables' rows merged newest first by `_time` (each table is already in that order, as events
 * are returned), keeping each table's own order; on equal times the earlier table goes first.
 * Rows without a numeric `_time` sort after timed ones. Fields are the union, first seen first.
 */
export function interleaveByTime(tables: readonly Table[]): Table {
  const names = [...new Set(tables.flatMap((t) => t.fields))];
  const cols = new Map<string, Value[]>(names.map((n) => [n, []]));
  const pos = tables.map(() => 0);
  const times = tables.map((t) => t.column("_time"));
  const timeAt = (k: number): number => {
    const v = times[k]?.[pos[k] as number];
    const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
    return Number.isFinite(n) ? n : Number.NEGATIVE_INFINITY;
  };
  let length = 0;
  for (;;) {
    let best = -1;
    for (let k = 0; k < tables.length; k++) {
      if ((pos[k] as number) >= (tables[k] as Table).length) continue;
      if (best < 0 || timeAt(k) > timeAt(best)) best = k;
    }
    if (best < 0) break;
    const t = tables[best] as Table;
    const r = pos[best] as number;
    for (const n of names) (cols.get(n) as Value[]).push(t.get(n, r));
    pos[best] = r + 1;
    length++;
  }
  return Table.fromColumns(names, cols, length);
}

