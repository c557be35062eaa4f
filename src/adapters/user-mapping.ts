/**
 * A user mapping file (`--mapping <file.yml>`) for JSON-lines or CSV logs that no adapter knows:
 * the user plays the add-on's part, saying which field is `_time` (and its format), where `host`,
 * `source` and `sourcetype` come from, which fields are aliased to CIM names, and which eventtypes
 * (with tags, so CIM datamodels select the events, cim-mapping.md §1.1) to apply. Example:
 *
 *   sourcetype: acme:edr            # default: json / csv
 *   source: acme                    # default: the file path
 *   host: { field: device }         # or a literal: host: web-01
 *   time: { field: ts, format: epoch_ms }   # iso8601 (default) | epoch | epoch_ms | strptime %-format
 *   timezone: UTC                   # zone for zone-less times (default UTC)
 *   fields: { exe: process_name }   # FIELDALIAS: log field → CIM name (the original stays)
 *   eventtypes:
 *     - { name: acme_process, tags: [process, report], where: { kind: proc } }
 *   tags: [endpoint]                # shorthand: an eventtype named after the sourcetype, every event
 */
import { platform } from "../platform/platform.js";
import { parse } from "yaml";

export interface FieldOrLiteral {
  readonly field?: string;
  readonly value?: string;
}

export interface MappedEventtype {
  readonly name: string;
  readonly tags: readonly string[];
  /** field → value terms, all required, compared case-insensitively like `field=value` in SPL. */
  readonly where: Readonly<Record<string, string>>;
}

export interface UserMapping {
  readonly sourcetype?: string;
  readonly source?: FieldOrLiteral;
  readonly host?: FieldOrLiteral;
  readonly time?: { readonly field: string; readonly format: string };
  readonly timezone: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly eventtypes: readonly MappedEventtype[];
}

const KEYS = new Set(["sourcetype", "source", "host", "time", "timezone", "fields", "eventtypes", "tags"]);

function fail(file: string, what: string): never {
  throw new Error(`${file}: ${what}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function text(v: unknown, file: string, what: string): string {
  if (typeof v === "string" && v !== "") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return fail(file, `${what} must be a non-empty string`);
}

function fieldOrLiteral(v: unknown, file: string, what: string): FieldOrLiteral | undefined {
  if (v === undefined || v === null) return undefined;
  if (isRecord(v)) {
    if (v.field !== undefined) return { field: text(v.field, file, `${what}.field`) };
    if (v.value !== undefined) return { value: text(v.value, file, `${what}.value`) };
    return fail(file, `${what} needs field: or value:`);
  }
  return { value: text(v, file, what) };
}

function stringMap(v: unknown, file: string, what: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isRecord(v)) return fail(file, `${what} must be a map`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = text(x, file, `${what}.${k}`);
  return out;
}

function tagList(v: unknown, file: string, what: string): string[] {
  if (!Array.isArray(v) || v.length === 0) return fail(file, `${what} must be a non-empty list`);
  return v.map((t, i) => text(t, file, `${what}[${i}]`));
}

/** Parses and validates a mapping; throws an Error naming the file and the bad key. */
export function parseMapping(yamlText: string, file: string): UserMapping {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (e) {
    return fail(file, `not valid YAML: ${(e as Error).message}`);
  }
  if (!isRecord(doc)) return fail(file, "a mapping file is a YAML map (sourcetype:, time:, fields:, eventtypes:, …)");
  for (const k of Object.keys(doc)) if (!KEYS.has(k)) fail(file, `unknown key "${k}" (known: ${[...KEYS].join(", ")})`);
  let time: UserMapping["time"];
  if (doc.time !== undefined) {
    const t = isRecord(doc.time) ? doc.time : { field: doc.time };
    time = { field: text(t.field, file, "time.field"), format: t.format === undefined ? "iso8601" : text(t.format, file, "time.format") };
  }
  const sourcetype = doc.sourcetype === undefined ? undefined : text(doc.sourcetype, file, "sourcetype");
  const eventtypes: MappedEventtype[] = [];
  if (doc.eventtypes !== undefined) {
    if (!Array.isArray(doc.eventtypes)) fail(file, "eventtypes must be a list");
    doc.eventtypes.forEach((e: unknown, i: number) => {
      if (!isRecord(e)) fail(file, `eventtypes[${i}] must be a map`);
      eventtypes.push({ name: text(e.name, file, `eventtypes[${i}].name`), tags: tagList(e.tags, file, `eventtypes[${i}].tags`), where: stringMap(e.where, file, `eventtypes[${i}].where`) });
    });
  }
  if (doc.tags !== undefined) eventtypes.push({ name: sourcetype ?? "mapped", tags: tagList(doc.tags, file, "tags"), where: {} });
  const source = fieldOrLiteral(doc.source, file, "source");
  const host = fieldOrLiteral(doc.host, file, "host");
  return {
    ...(sourcetype !== undefined ? { sourcetype } : {}),
    ...(source ? { source } : {}),
    ...(host ? { host } : {}),
    ...(time ? { time } : {}),
    timezone: doc.timezone === undefined ? "UTC" : text(doc.timezone, file, "timezone"),
    fields: stringMap(doc.fields, file, "fields"),
    eventtypes,
  };
}

export function loadMapping(path: string): UserMapping {
  return parseMapping(platform().fs.readText(path), path);
}
