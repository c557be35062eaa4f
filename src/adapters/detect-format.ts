/**
 * Picks the format for a file from the registry: a forced sourcetype first (the way a Splunk input
 * pins one), otherwise the content. Both passes go through the entries in registry order, so the
 * order in formats.ts is the precedence; nothing here knows any particular format.
 */
import type { IngestOptions } from "./types.js";
import type { FileHead, LogFormat } from "./log-format.js";
import { FORMATS } from "./formats.js";

/** How many characters of a file detection looks at. */
export const DETECT_HEAD = 65536;

const JSON_START = /^\uFEFF?\s*[{[]/;

/**
 * JSON content: the head starts with `{` or `[`, or (JSON lines whose first line is damaged, as on
 * a log copied off a broken disk) at least 4 of the next lines and 80% of them start with `{`.
 * Otherwise one bad first byte made the whole file "unrecognised" and every record was lost.
 */
function looksJson(text: string): boolean {
  if (JSON_START.test(text)) return true;
  const lines = text.split("\n", 41).slice(1, 40).filter((l) => l.trim() !== "");
  const objects = lines.filter((l) => l.trimStart().startsWith("{")).length;
  return objects >= 4 && objects >= 0.8 * lines.length;
}

/** The format for a file's first characters, or undefined when no entry claims them. */
export function detectFormat(head: string, opts: IngestOptions = {}, formats: readonly LogFormat[] = FORMATS): LogFormat | undefined {
  const text = head.slice(0, DETECT_HEAD);
  const file: FileHead = { text, json: looksJson(text), opts };
  const forced = opts.sourcetype?.toLowerCase();
  if (forced !== undefined) {
    const pinned = formats.find((f) => f.forcedBy !== undefined && names(f.forcedBy.sourcetypes, forced) && fits(f.forcedBy.content, file.json));
    if (pinned) return pinned;
  }
  // Any other sourcetype only renames the `sourcetype` field; the content decides the reader.
  return formats.find((f) => f.recognises?.(file) === true);
}

/** Sourcetypes compare case-insensitively, as Splunk's do. */
function names(sourcetypes: readonly string[], forced: string): boolean {
  return sourcetypes.some((s) => s.toLowerCase() === forced);
}

function fits(content: "json" | "text" | undefined, json: boolean): boolean {
  return content === undefined || (content === "json") === json;
}
