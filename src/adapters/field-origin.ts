/**
 * Where an event field comes from, judged by what the event's `_raw` shows (for `minispl fields`):
 *
 *   metadata               `_time`, `_raw`, host, source, sourcetype, index, eventtype, tag
 *   EventData X            XML record, `<Data Name='X'>`
 *   System X               XML record, an element or attribute inside `<System>`
 *   JSON key               JSON record, a top-level or dotted (`a.b`) key
 *   Message label          a `Label: value` line (classic text, or inside a JSON string value)
 *   add-on (search-time)   anything else: made by the add-on emulation (aliases, evals, lookups)
 *
 * Kept cheap: `FieldOrigins` looks at the first few events that carry each field (`sample`), and
 * reads an event's `_raw` only when one of its fields is still undecided.
 */
import { parseClassicRecord, readLabels } from "./classic-record.js";
import { newFields, RESERVED } from "./fields.js";
import type { EventInput } from "../store/event-store.js";

export const METADATA_ORIGIN = "metadata";
export const SEARCH_TIME_ORIGIN = "add-on (search-time)";

/** What one `_raw` offers: raw field name → origin label. */
export type RawKeys = ReadonlyMap<string, string>;

/** Origin of `name` on an event whose `_raw` is `raw` (undefined `_raw`: only metadata is known). */
export function fieldOrigin(name: string, raw: string | undefined): string {
  if (RESERVED.has(name)) return METADATA_ORIGIN;
  return (raw === undefined ? undefined : rawKeys(raw).get(name)) ?? SEARCH_TIME_ORIGIN;
}

/** The field names a record's `_raw` shows directly, by shape (XML, JSON, classic text). */
export function rawKeys(raw: string): RawKeys {
  const out = new Map<string, string>();
  const head = raw.trimStart();
  const xmlAt = raw.indexOf("<Event");
  if (head.startsWith("{")) jsonKeys(head, out);
  else if (xmlAt >= 0 && (head.startsWith("<") || raw.lastIndexOf("\n", xmlAt) < 0)) xmlKeys(raw.slice(xmlAt), out);
  else {
    const rec = parseClassicRecord(raw);
    const labels = rec.message === undefined ? newFields() : rec.labels;
    if (rec.message === undefined) readLabels(raw, labels);
    for (const k in labels) out.set(k, "Message label");
  }
  return out;
}

const DATA_NAME = /<Data\s+Name\s*=\s*['"]([^'"]+)['"]/g;
const ELEMENT = /<([A-Za-z_][\w.-]*)/g;
const ATTRIBUTE = /\s([A-Za-z_][\w.-]*)\s*=\s*['"]/g;

function xmlKeys(xml: string, out: Map<string, string>): void {
  const s = xml.indexOf("<System>");
  const e = xml.indexOf("</System>");
  if (s >= 0 && e > s) {
    const system = xml.slice(s + 8, e);
    for (const m of system.matchAll(ELEMENT)) if (!out.has(m[1]!)) out.set(m[1]!, `System ${m[1]!}`);
    for (const m of system.matchAll(ATTRIBUTE)) if (!out.has(m[1]!)) out.set(m[1]!, `System ${m[1]!}`);
  }
  // EventData names win over a System name they shadow.
  for (const m of xml.matchAll(DATA_NAME)) out.set(m[1]!, `EventData ${m[1]!}`);
}

function jsonKeys(text: string, out: Map<string, string>): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return;
  }
  const labels = newFields();
  const walk = (v: unknown, prefix: string): void => {
    if (typeof v === "string") {
      if (v.includes("\n")) readLabels(v, labels);
      return;
    }
    if (typeof v !== "object" || v === null || Array.isArray(v)) return;
    for (const [k, child] of Object.entries(v)) {
      out.set(`${prefix}${k}`, "JSON key");
      walk(child, `${prefix}${k}.`);
    }
  };
  walk(doc, "");
  for (const k in labels) if (!out.has(k)) out.set(k, "Message label");
}

/**
 * Origins of a stream of events' fields. Each (format, field) pair is judged on the first
 * `sample` events of that format that carry the field: the first raw origin seen wins, and a
 * field no sampled `_raw` shows is `add-on (search-time)`. A sourcetype fed by several formats
 * (XmlWinEventLog from XML and from NXLog JSON) lists each distinct origin, in order, `; `-joined.
 */
export class FieldOrigins {
  /** field → format → origin (undefined while undecided). */
  private readonly byField = new Map<string, Map<string, string | undefined>>();
  private readonly tries = new Map<string, number>();

  constructor(private readonly sample = 3) {}

  /** `format` is the adapter's name, as an EventSink receives it. */
  observe(e: EventInput, format = ""): void {
    let keys: RawKeys | undefined;
    for (const name in e.fields) {
      if (e.fields[name] === undefined || RESERVED.has(name)) continue;
      let formats = this.byField.get(name);
      if (!formats) this.byField.set(name, (formats = new Map()));
      if (formats.get(format) !== undefined) continue;
      const key = `${format}\u0000${name}`;
      const n = this.tries.get(key) ?? 0;
      if (n >= this.sample) continue;
      this.tries.set(key, n + 1);
      if (!keys) {
        const raw = e.fields._raw;
        const text = typeof raw === "string" ? raw : raw?.[0];
        keys = text === undefined ? new Map() : rawKeys(text);
      }
      formats.set(format, keys.get(name));
    }
  }

  origin(name: string): string {
    if (RESERVED.has(name)) return METADATA_ORIGIN;
    const formats = this.byField.get(name);
    if (!formats) return SEARCH_TIME_ORIGIN;
    return [...new Set([...formats.values()].map((o) => o ?? SEARCH_TIME_ORIGIN))].join("; ");
  }
}
