/**
 * The event `collect` writes for one result (SPL Search Reference, collect, Usage): "If the events
 * contain a _raw field, then this field is saved. If the events do not have a _raw field, one is
 * created by concatenating all the fields into a comma-separated list of key=value pairs", led by
 * the time (addtime, in `timeformat`, default `%m/%d/%Y %H:%M:%S %z`) and `info_search_time`
 * (addinfo), with the marker appended; values with breakers are quoted, as the page's example
 * shows (`version="2.0", application="buttercupgames.com"`). A multivalue field is written as its
 * values one per line ("summarizes multivalue fields as multivalue fields"). The summary index's
 * `stash` sourcetype extracts the key=value pairs at search time; minispl extracts them as it
 * writes (kvPairs), so `search index=<name>` finds them as fields. The result's own host, source
 * and sourcetype become extracted_host, extracted_source and extracted_sourcetype (the page's HEC
 * note: in raw format they are "remapped to the extract_host/extracted_sourcetype/... path").
 */
import { toText, type Value } from "../values/value.js";

/** A breaker-free value is written bare; any other character (`.`, `-`, space…) gets quotes. */
function quoted(v: string): string {
  return /^[\p{L}\p{N}]*$/u.test(v) && v !== "" ? v : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function valueText(v: Value): string | null {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((x) => toText(x) ?? "").join("\n");
  return toText(v as string | number);
}

/** Fields a summary event does not carry as key=value pairs (the page: "The index and splunk_server fields in the original data are ignored"). */
const DROPPED = new Set(["index", "splunk_server", "splunk_server_group"]);
const REMAPPED: Readonly<Record<string, string>> = { host: "extracted_host", source: "extracted_source", sourcetype: "extracted_sourcetype" };

/** `k=v, k="v w"` text of a result's fields (internal `_` fields and index left out). */
export function pairsText(fields: readonly string[], value: (f: string) => Value): string[] {
  const out: string[] = [];
  for (const f of fields) {
    if (f.startsWith("_") || DROPPED.has(f)) continue;
    const t = valueText(value(f));
    if (t === null || t === "") continue;
    out.push(`${REMAPPED[f] ?? f}=${quoted(t)}`);
  }
  return out;
}

/** The key=value pairs of stash text, as the stash sourcetype extracts them (quoted values unescaped; newlines make a multivalue). */
export function kvPairs(raw: string): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  const re = /(?:^|[\s,;])([A-Za-z_][\w.]*)=(?:"((?:[^"\\]|\\.)*)"|([^\s,;"]*))/gu;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const key = m[1] as string;
    const v = m[2] !== undefined ? m[2].replace(/\\(.)/gsu, "$1") : (m[3] as string);
    if (v === "" || out.has(key)) continue;
    out.set(key, v.includes("\n") ? v.split("\n") : v);
  }
  return out;
}
