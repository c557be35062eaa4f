/**
 * Record handler for logs no adapter recognises, driven by a user mapping (user-mapping.ts):
 * JSON lines (a file whose first non-blank character is `{`) or CSV with a header line (RFC 4180
 * quoting; a quoted value may span lines). Fields are named as Splunk's automatic extraction
 * would (JSON: nested `a.b`, arrays `a{}`, as spath/KV_MODE=json; CSV: the header names), then the
 * mapping's aliases, default fields, `_time` and eventtypes/tags are applied.
 */
import { DateTime } from "luxon";
import type { EventInput } from "../store/event-store.js";
import type { HandlerContext, RecordHandler } from "./stream-types.js";
import type { LogFormat } from "./log-format.js";
import { append, get, newFields, RESERVED, set, type Fields } from "./fields.js";
import { classify, eqi, type EventtypeDef } from "./eventtypes.js";
import { isObject, scalarText } from "./json-lines.js";
import { lineHandler } from "./line-handler.js";
import type { FieldOrLiteral, UserMapping } from "./user-mapping.js";
import { strptime } from "../values/time-format.js";

export const MAPPED_FORMAT = "mapped";

/**
 * Claims any content when a mapping is given; it is last in the registry, so it only gets content
 * no adapter knows (known formats keep their add-on, which the mapping would not reproduce).
 */
export const mappedEvents: LogFormat = {
  name: MAPPED_FORMAT,
  recognises: (head) => head.opts.mapping !== undefined,
  open(ctx) {
    const { mapping } = ctx.opts;
    // Detection only picks this format with a mapping; opening it without one is a caller's bug.
    if (!mapping) throw new Error("the mapped format needs IngestOptions.mapping");
    return mappedHandler(ctx, mapping);
  },
};

export function mappedHandler(ctx: HandlerContext, m: UserMapping): RecordHandler {
  const eventtypes: EventtypeDef[] = m.eventtypes.map((e) => ({
    name: e.name,
    tags: e.tags,
    matches: (f: Fields) => Object.entries(e.where).every(([k, v]) => eqi(f[k], v)),
  }));
  let lineNo = 0;
  let kind: "json" | "csv" | undefined;
  let header: string[] | undefined;
  let pending: { start: number; text: string } | undefined;

  const emit = (raw: string, line: number, kv: Fields): void => {
    const ev = buildEvent(raw, kv, m, eventtypes, ctx, kind === "json" ? "json" : "csv");
    if (typeof ev === "string") ctx.skip(line, ev);
    else ctx.emit(ev, MAPPED_FORMAT);
  };
  const csvRecord = (raw: string, line: number): void => {
    const cells = splitCsv(raw);
    if (!header) return void (header = cells);
    if (cells.length !== header.length) return ctx.skip(line, `CSV record has ${cells.length} values, the header has ${header.length}`);
    const kv = newFields();
    header.forEach((h, i) => {
      if (h !== "" && cells[i] !== "") kv[h] = cells[i]!;
    });
    emit(raw, line, kv);
  };
  const one = (rawLine: string): void => {
    const n = ++lineNo;
    const line = rawLine.replace(/\r$/, "");
    if (pending) {
      pending.text += `\n${line}`;
      if (quotesBalanced(pending.text)) {
        const p = pending;
        pending = undefined;
        csvRecord(p.text, p.start);
      }
      return;
    }
    if (line.trim() === "") return;
    kind ??= line.trimStart().startsWith("{") ? "json" : "csv";
    if (kind === "csv") {
      if (quotesBalanced(line)) csvRecord(line, n);
      else pending = { start: n, text: line };
      return;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      return ctx.skip(n, "not a JSON object on one line");
    }
    if (!isObject(obj)) return ctx.skip(n, "not a JSON object on one line");
    const kv = newFields();
    flatten(obj, "", kv);
    emit(line, n, kv);
  };
  return lineHandler(one, () => {
    if (pending) ctx.skip(pending.start, "CSV record has an unterminated quoted value");
    pending = undefined;
  });
}

function buildEvent(raw: string, kv: Fields, m: UserMapping, types: readonly EventtypeDef[], ctx: HandlerContext, dflt: string): EventInput | string {
  const f = newFields();
  f._raw = raw;
  // Content fields first; default-field names (host, source, …) in the log never overwrite metadata.
  for (const name in kv) if (!RESERVED.has(name)) f[name] = kv[name]!;
  const { opts } = ctx;
  set(f, "host", opts.host ?? pick(m.host, kv));
  f.source = opts.source ?? pick(m.source, kv) ?? ctx.file;
  f.sourcetype = opts.sourcetype ?? m.sourcetype ?? dflt;
  f.index = opts.index ?? "main";
  // FIELDALIAS semantics: the CIM name gets the value, the original field stays.
  for (const [from, to] of Object.entries(m.fields)) if (kv[from] !== undefined && !RESERVED.has(to)) f[to] = kv[from]!;
  let time = ctx.fileTime;
  if (m.time) {
    const v = get(kv, m.time.field);
    if (v === undefined) return `no time field "${m.time.field}"`;
    time = parseTime(v, m.time.format, m.timezone);
    if (time === undefined) return `cannot read time "${v}" as ${m.time.format}`;
  }
  // Without a time mapping Splunk falls back to the file's modification time (in-memory text has none).
  if (time === undefined) return "no time: give time: { field, format } in the mapping";
  classify(f, types);
  return { time, fields: f };
}

function pick(spec: FieldOrLiteral | undefined, kv: Fields): string | undefined {
  if (!spec) return undefined;
  return spec.field !== undefined ? get(kv, spec.field) : spec.value;
}

/** iso8601 (zone-less read in `tz`; a space instead of `T` accepted), epoch, epoch_ms, or a %-format. */
export function parseTime(v: string, format: string, tz: string): number | undefined {
  const t = v.trim();
  if (format === "epoch" || format === "epoch_ms") {
    if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
    return format === "epoch" ? Number(t) : Number(t) / 1000;
  }
  if (format === "iso8601") {
    let d = DateTime.fromISO(t, { zone: tz });
    if (!d.isValid) d = DateTime.fromSQL(t, { zone: tz });
    return d.isValid ? d.toMillis() / 1000 : undefined;
  }
  return strptime(t, format, tz) ?? undefined;
}

/** Splunk's JSON field names: `a.b` for nested objects, `a{}` for array items (multivalue). */
function flatten(obj: Record<string, unknown>, prefix: string, out: Fields): void {
  for (const [k, v] of Object.entries(obj)) addValue(`${prefix}${k}`, v, out);
}

function addValue(name: string, v: unknown, out: Fields): void {
  if (isObject(v)) return flatten(v, `${name}.`, out);
  if (Array.isArray(v)) {
    for (const item of v) addValue(`${name}{}`, item, out);
    return;
  }
  const s = scalarText(v);
  if (s !== undefined && s !== "") append(out, name, s);
}

function quotesBalanced(s: string): boolean {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n % 2 === 0;
}

/** One RFC 4180 record: commas separate, `"…"` quotes, `""` is a quote inside quotes. */
export function splitCsv(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") out.push(cur), (cur = "");
    else cur += c;
  }
  out.push(cur);
  return out;
}
