/**
 * The events view: how a search that ends in events (plan/ends-in-events.ts) is printed as text,
 * the way Splunk Web's Events tab lists them. A table of every field of every event was unreadable
 * (`index=* | head 1` over Windows logs: 528 columns, mostly empty). Each event instead gets
 *
 *     2022-05-01 04:42:06.656  host=WIN-1  source=XmlWinEventLog:Security  sourcetype=XmlWinEventLog
 *     minispl_file=/cases/42/security.xml
 *     <Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name=…
 *     … [1,234 more characters]
 *       EventCode = 4688
 *       user = alice
 *
 * a header line (time as Splunk Web shows it, in the --tz zone; host, source, sourcetype), beneath
 * it the file the event came from (`minispl_file`, adapters/file-field.ts: `source` is the add-on's
 * channel name, so this is where an analyst looks for the file; part of the header, so also with
 * `--fields`, and never repeated in the field list), `_raw`
 * wrapped to the terminal's width and cut past MAX_RAW_CHARS with a visible marker, then only the
 * fields this event has, `name = value`, without the internal `_*` fields and the ones in the header.
 * Written event by event into a ChunkWriter: the whole view is never one string.
 */
import type { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { cellLines, clip, MAX_CELL_WIDTH } from "./cell-text.js";
import { TIME_FIELD, uiTime, UTC_DISPLAY, type TimeDisplay } from "./time-display.js";
import { ChunkWriter, type Writer } from "./writer.js";
import { FILE_FIELD } from "../adapters/file-field.js";

/**
 * The most characters of `_raw` printed per event. 4096, as the table's cell cap (cell-text.ts):
 * it keeps a whole Windows XML or CrowdStrike event (1–3 KB) and stops a 1 MB PowerShell script
 * block from filling the screen. The marker says how much was left out; JSON/CSV never cut.
 */
export const MAX_RAW_CHARS = 4096;

/** Fields the header and body already show, never repeated in the field list. */
const SHOWN = new Set([TIME_FIELD, "_raw", "host", "source", "sourcetype", FILE_FIELD]);

export interface EventsViewOptions {
  /** Terminal columns `_raw` wraps at; Infinity (piped, a file): no wrapping. */
  readonly width: number;
  readonly time?: TimeDisplay;
  /** `--fields a,b*`: list only these fields under each event (`*` wildcards), in this order. */
  readonly fields?: readonly string[];
  /** Print at most this many events (null: all of the table's rows). */
  readonly maxEvents?: number | null;
  /**
   * The table was cut by the search itself (a limit of maxEvents + 1 in the plan), so its length
   * is not the number of events the search matched: say "more events follow", not how many.
   */
  readonly cut?: boolean;
  /** Bold headers (a terminal with colours on). */
  readonly color?: boolean;
}

const BOLD = "\u001b[1m";
const RESET = "\u001b[0m";

/** Writes the events of `t` (newest first, as the search returned them) and a closing count line. */
export function writeEventsView(t: Table, out: Writer, opts: EventsViewOptions): void {
  const w = new ChunkWriter(out);
  const time = opts.time ?? UTC_DISPLAY;
  const shown = opts.maxEvents == null ? t.length : Math.min(t.length, opts.maxEvents);
  const listed = listedFields(t.fields, opts.fields);
  const cols = listed.map((f) => t.column(f));
  const col = (name: string): readonly Value[] | undefined => t.column(name);
  const [times, raws, hosts, sources, sourcetypes, files] = [col(TIME_FIELD), col("_raw"), col("host"), col("source"), col("sourcetype"), col(FILE_FIELD)];
  for (let i = 0; i < shown; i++) {
    if (i > 0) w.write("\n");
    const header = [
      timeText(times?.[i] ?? null, time.tz),
      ...([["host", hosts], ["source", sources], ["sourcetype", sourcetypes]] as const)
        .filter(([, c]) => (c?.[i] ?? null) !== null)
        .map(([name, c]) => `${name}=${oneValue(c?.[i] ?? null)}`),
    ].filter((s) => s !== "").join("  ");
    w.write(opts.color ? `${BOLD}${header}${RESET}\n` : `${header}\n`);
    const file = files?.[i] ?? null;
    if (file !== null) w.write(`${FILE_FIELD}=${oneValue(file)}\n`);
    writeRaw(w, raws?.[i] ?? null, opts.width);
    for (let c = 0; c < listed.length; c++) writeField(w, listed[c] as string, cols[c]?.[i] ?? null);
  }
  w.write(footer(shown, t.length, opts.cut === true));
  w.end();
}

/** The closing line: how many events were printed and, when some were not, how many (or that some) follow. */
export function footer(shown: number, rows: number, cut: boolean): string {
  const events = (n: number) => `${n.toLocaleString("en-US")} event${n === 1 ? "" : "s"}`;
  if (rows <= shown) return `${shown > 0 ? "\n" : ""}${events(shown)}\n`;
  const more = rows - shown;
  const rest = cut ? "more events follow" : `${more.toLocaleString("en-US")} more event${more === 1 ? "" : "s"}`;
  return `\n${events(shown)} shown; ${rest} (--max-events <n> prints more, 0 all)\n`;
}

/** `_raw` line by line, each wrapped to `width`, cut after MAX_RAW_CHARS with a marker. */
function writeRaw(w: ChunkWriter, raw: Value, width: number): void {
  if (raw === null) return;
  const text = Array.isArray(raw) ? raw.join("\n") : String(raw);
  const kept = safe(text.length > MAX_RAW_CHARS ? text.slice(0, cutPoint(text, MAX_RAW_CHARS)) : text);
  for (const line of kept.split(/\r?\n/)) {
    if (!Number.isFinite(width) || width < 8 || line.length <= width) {
      w.write(`${line}\n`);
      continue;
    }
    for (let at = 0; at < line.length; ) {
      const end = cutPoint(line, Math.min(line.length, at + width));
      w.write(`${line.slice(at, end)}\n`);
      at = end;
    }
  }
  if (text.length > kept.length) w.write(`… [${(text.length - kept.length).toLocaleString("en-US")} more characters]\n`);
}

/** `name = value`, a multivalue field's further values stacked under the first. */
function writeField(w: ChunkWriter, name: string, v: Value): void {
  if (v === null || v === "" || (Array.isArray(v) && v.length === 0)) return;
  const lines = cellLines(v).map((s) => safe(clip(s, MAX_CELL_WIDTH)));
  const pad = " ".repeat(name.length + 5);
  lines.forEach((s, k) => w.write(k === 0 ? `  ${name} = ${s}\n` : `${pad}${s}\n`));
}

/**
 * The fields listed under each event: with `--fields`, those matching each pattern in turn; else
 * every field but the internal `_*` ones, sorted case-insensitively as Splunk's field sidebar is.
 */
export function listedFields(all: readonly string[], patterns?: readonly string[]): string[] {
  if (!patterns || patterns.length === 0) {
    return all.filter((f) => !f.startsWith("_") && !SHOWN.has(f)).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : 1));
  }
  const out: string[] = [];
  for (const p of patterns) {
    const re = new RegExp(`^${p.split("*").map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
    for (const f of all) if (re.test(f) && !SHOWN.has(f) && !out.includes(f)) out.push(f);
  }
  return out;
}

function timeText(v: Value, tz: string): string {
  if (v === null) return "";
  return typeof v === "number" ? uiTime(v, tz) : oneValue(v);
}

function oneValue(v: Value): string {
  return safe(cellLines(v).join(","));
}

/**
 * Control characters shown as U+FFFD: `_raw` comes from the machine under investigation, and an
 * escape sequence in it must not reach the analyst's terminal. Tabs and line breaks stay.
 */
function safe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "\ufffd");
}

/** `at`, or one earlier so a surrogate pair is not cut in two. */
function cutPoint(s: string, at: number): number {
  const c = s.charCodeAt(at - 1);
  return at < s.length && c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
}
