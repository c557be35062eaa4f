/** A result cell as the text printers show it, and the cap on how wide a table cell gets. */
import { toText, type Value } from "../values/value.js";

/**
 * The widest a text-table cell is drawn, in UTF-16 units, even when nothing limits the table's
 * width (output piped to a file). Without a cap one 100 KB _raw pads every line of the table to
 * 100 KB; with it a line is at most about columns × cap. 4096 keeps a whole Windows XML or
 * CrowdStrike event (1–3 KB) on its line; longer cells end in "…" like any clipped cell. The
 * table is for reading: CSV and JSON output are never cut.
 */
export const MAX_CELL_WIDTH = 4096;

/**
 * The lines of one text-table cell: a multivalue field has one line per value, stacked inside the
 * cell as Splunk Web's results table shows it (joining them with " | " looked like more columns);
 * line breaks inside a value are folded (`oneLine`) so each value stays on its line.
 */
export function cellLines(v: Value): string[] {
  if (v === null) return [""];
  const one = (x: string | number): string => oneLine(toText(x) ?? "");
  if (Array.isArray(v)) return v.length === 0 ? [""] : v.map(one);
  return [one(v as string | number)];
}

/** A value as one text: a multivalue field joined by `mvSep`, null as "". */
export function cellText(v: Value, mvSep: string): string {
  if (v === null) return "";
  if (Array.isArray(v)) return v.map((x) => toText(x) ?? "").join(mvSep);
  return toText(v as string | number) ?? "";
}

/**
 * Every run of whitespace that holds a line break becomes one space, so a cell stays on its line.
 * Same result as replacing every match of the regex `\s*[\r\n]+\s*` (what the printers did), but
 * linear: that regex rescans a long run of blanks without a line break from each of its positions.
 */
export function oneLine(s: string): string {
  if (!/[\r\n]/.test(s)) return s;
  return s.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? " " : run));
}

/** `s` cut to `w` units, ending in "…" when cut. */
export function clip(s: string, w: number): string {
  return s.length <= w ? s : `${s.slice(0, Math.max(0, w - 1))}…`;
}
