/**
 * The field bag an adapter builds for one event before handing it to the store, and the few
 * operations the add-on emulation needs on it. Splunk's extraction rules (cim-mapping.md §0) are
 * mirrored by the three writers: `setIfAbsent` (a transform without MV_ADD keeps the first value),
 * `append` (MV_ADD adds another value) and `set` (EVAL always overwrites).
 */

/** Field name → one value or a multivalue list. */
export type Fields = Record<string, string | string[]>;

/** A fresh bag without prototype keys, so field names like `constructor` are safe. */
export function newFields(): Fields {
  return Object.create(null) as Fields;
}

/** Default fields (cim-mapping.md §5) that event content must never overwrite. */
export const RESERVED = new Set(["_raw", "_time", "host", "source", "sourcetype", "index", "eventtype", "tag"]);

/** First value of a field, or undefined when absent. */
export function get(f: Fields, name: string): string | undefined {
  const v = f[name];
  return typeof v === "string" ? v : v?.[0];
}

/** First value unless it is absent, empty or `-` (the Windows "no value" placeholder). */
export function real(f: Fields, name: string): string | undefined {
  const v = get(f, name);
  return v === undefined || v === "" || v === "-" ? undefined : v;
}

/** EVAL semantics: overwrite. An undefined value removes nothing and sets nothing. */
export function set(f: Fields, name: string, value: string | string[] | undefined): void {
  if (value !== undefined) f[name] = value;
}

/** REPORT without MV_ADD: the first transform that produced a value wins (cim-mapping.md §0.3). */
export function setIfAbsent(f: Fields, name: string, value: string | undefined): void {
  if (value !== undefined && f[name] === undefined) f[name] = value;
}

/** REPORT with MV_ADD: a repeated name becomes multivalue, in order of appearance. */
export function append(f: Fields, name: string, value: string): void {
  const cur = f[name];
  if (cur === undefined) f[name] = value;
  else if (typeof cur === "string") f[name] = [cur, value];
  else cur.push(value);
}

/** Text after the last `\` or `/` (the whole string when there is none). */
export function basename(path: string): string {
  const i = Math.max(path.lastIndexOf("\\"), path.lastIndexOf("/"));
  return i < 0 ? path : path.slice(i + 1);
}

/** Text after the last backslash only (TA_windows `(?:.*\\)?(.*)`, cim-mapping.md §3.4). */
export function afterLastBackslash(s: string): string {
  return s.slice(s.lastIndexOf("\\") + 1);
}
