/**
 * Iterates a JSON-lines file: one object per line, 1-based line numbers, blank lines ignored, a
 * line that is not a JSON object reported (not thrown). A file holding one pretty-printed object
 * or an array of objects (the shape of a single exported event) is accepted too.
 */

export type JsonObject = Record<string, unknown>;

export interface JsonLine {
  readonly obj: JsonObject;
  /** The text that becomes `_raw`. */
  readonly raw: string;
  readonly line: number;
}

export function forEachJsonLine(
  text: string,
  onObject: (l: JsonLine) => void,
  onBad: (line: number, reason: string) => void,
): void {
  const whole = wholeDocument(text);
  if (whole) return whole.forEach(onObject);
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    line++;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const raw = text.slice(pos, end);
    pos = nl + 1;
    if (raw.trim() === "") continue;
    const parsed = parseObject(raw);
    if (typeof parsed === "string") onBad(line, parsed);
    else onObject({ obj: parsed, raw, line });
  }
}

/** One line as a JSON object, or the reason it is not one. */
export function parseObject(raw: string): JsonObject | string {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    return `invalid JSON: ${(e as Error).message}`;
  }
  return isObject(v) ? v : "JSON value is not an object";
}

/** A multi-line document that parses as a whole (one object or an array of objects). */
function wholeDocument(text: string): JsonLine[] | undefined {
  const t = text.trim().replace(/^\uFEFF/, "");
  if (!t.includes("\n") || !(t.startsWith("{") || t.startsWith("["))) return undefined;
  const first = t.slice(0, t.indexOf("\n")).trim();
  if (first.startsWith("{") && typeof parseObject(first) !== "string") return undefined;
  try {
    const v: unknown = JSON.parse(t);
    if (isObject(v)) return [{ obj: v, raw: t, line: 1 }];
    if (Array.isArray(v) && v.every(isObject)) {
      return v.map((obj) => ({ obj, raw: JSON.stringify(obj), line: 1 }));
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A JSON scalar as Splunk shows it: strings verbatim, numbers/booleans as their text. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return undefined;
}
