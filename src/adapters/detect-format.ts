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

/** The format for a file's first characters, or undefined when no entry claims them. */
export function detectFormat(head: string, opts: IngestOptions = {}, formats: readonly LogFormat[] = FORMATS): LogFormat | undefined {
  const text = head.slice(0, DETECT_HEAD);
  const file: FileHead = { text, json: JSON_START.test(text), opts };
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
