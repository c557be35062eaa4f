/**
 * A purpose-built scanner for one `<Event>` record in Windows' compact XML rendering. No XML
 * library: Splunk's add-ons read these records with regexes, so values are taken exactly as
 * written — entities such as `&amp;`/`&gt;` are **not** decoded and nothing is trimmed
 * (cim-mapping.md §2.1). One forward pass of `indexOf`, character tests and comparisons with
 * the names the same kind of record had last time (name-predictor.ts): no regex on the common
 * path, and no name is cut out of the record. The result is what the regexes TA_windows uses
 * would give, malformed records included (test/unit/adapters/xml-scanner-exact.test.ts).
 */
import type { Fields } from "./fields.js";
import { FieldList } from "./field-list.js";
import { PredictorTable, sameText, type NamePredictor } from "./name-predictor.js";
import type { WinRecord } from "./win-record.js";
import { scanSystem } from "./xml-system.js";

/** Data names by position, per EventID (an event's Data items depend on it). */
const DATA_NAMES = new PredictorTable((name) => `<Data Name='${name}'>`);

/** Used only for a `<Data …>` tag that does not start `Name='…'` (TA_windows' name regex). */
const NAME_ATTRIBUTE = /\bName=(?:'([^']*)'|"([^"]*)")/;

/**
 * A scanned record. `winEvent` reads the flat lists; the `Fields` bags of `WinRecord` are built
 * only when another reader asks for them (Sysmon for Linux, the WMI message template).
 */
export class XmlRecord implements WinRecord {
  private bags: { system: Fields; data: Fields; extra: Fields } | undefined;

  constructor(
    readonly raw: string,
    readonly eventId: string,
    readonly channel: string,
    readonly systemTime: string | undefined,
    /** `<System>` elements and attributes, first value per name, in document order. */
    readonly systemItems: FieldList,
    /** Named `<Data>` items in document order (a name may repeat). */
    readonly dataItems: FieldList,
    /** EventData_Xml, UserData_Xml, Message — each at most once, in that order. */
    readonly extraItems: FieldList,
  ) {}

  get system(): Fields {
    return this.view().system;
  }
  get data(): Fields {
    return this.view().data;
  }
  get extra(): Fields {
    return this.view().extra;
  }

  private view(): { system: Fields; data: Fields; extra: Fields } {
    this.bags ??= { system: this.systemItems.toFields(), data: this.dataItems.toFields(), extra: this.extraItems.toFields() };
    return this.bags;
  }
}

/** Parses a record; returns a reason string when it is malformed. */
export function parseXmlRecord(raw: string): XmlRecord | string {
  const sysStart = raw.indexOf("<System>");
  const sysEnd = sysStart < 0 ? -1 : indexOfTag(raw, "/System>", sysStart);
  if (sysEnd < 0) return "no <System>…</System> block";
  const system = new FieldList();
  const sys = scanSystem(raw, sysStart + 8, sysEnd, system);
  const eventId = sys.eventId;
  if (eventId === undefined || eventId === "") return "no <EventID>";
  if (sys.channel === undefined) return "no <Channel>";
  const data = new FieldList();
  const extra = new FieldList();
  const bad = scanBody(raw, sysEnd, DATA_NAMES.for(eventId), data, extra);
  if (bad) return bad;
  return new XmlRecord(raw, eventId, sys.channel, sys.systemTime, system, data, extra);
}

/** EventData items, the EventData/UserData blocks and a rendered Message, after `</System>`. */
function scanBody(raw: string, from: number, names: NamePredictor, data: FieldList, extra: FieldList): string | undefined {
  const ed = raw.indexOf("<EventData>", from);
  // [plainFrom, plainTo): a span whose every `<` starts an EventData/Data tag (scanData saw them
  // all), so the searches below need not read it again.
  let plainFrom = -1;
  let plainTo = -1;
  if (ed >= 0) {
    const edEnd = indexOfTag(raw, "/EventData>", ed);
    if (edEnd < 0) return "unterminated <EventData>";
    extra.push("EventData_Xml", raw.slice(ed, edEnd + 12));
    if (scanData(raw, ed + 11, edEnd, names, data)) {
      plainFrom = ed;
      plainTo = edEnd + 12;
    }
  }
  const ud = indexOfTagOutside(raw, "UserData>", from, plainFrom, plainTo);
  if (ud >= 0) {
    const udEnd = indexOfTag(raw, "/UserData>", ud);
    if (udEnd < 0) return "unterminated <UserData>";
    extra.push("UserData_Xml", raw.slice(ud, udEnd + 11));
  }
  const ri = indexOfTagOutside(raw, "RenderingInfo", from, plainFrom, plainTo);
  if (ri >= 0) {
    const msg = raw.indexOf("<Message>", ri);
    const msgEnd = msg < 0 ? -1 : raw.indexOf("</Message>", msg);
    if (msgEnd > msg + 9) extra.push("Message", raw.slice(msg + 9, msgEnd));
  }
  return undefined;
}

/**
 * `<Data Name='X'>v</Data>` and `<Data Name='X'/>` between `from` and `to`. Unnamed `<Data>`
 * items are skipped, as TA_windows' eventdata_xml_data regex requires a Name; so are empty
 * values (Splunk creates no field from an empty match). Returns true when the block was plain:
 * back-to-back `<Data Name='X'>v</Data>` items with no other `<` from `from` to `to`.
 */
function scanData(raw: string, from: number, to: number, names: NamePredictor, data: FieldList): boolean {
  let p = raw.indexOf("<Data", from);
  let plain = p === from || p < 0 || p > to;
  let next = from;
  for (let index = 0; p >= 0 && p < to; index++) {
    // The usual tag, `<Data Name='X'>` with the X of the same item last time, is confirmed by
    // one comparison: its `>` and closing quote are then known without searching for them.
    const predicted = predictedName(raw, p, names, index);
    if (predicted === undefined) plain = false;
    const tagEnd = predicted !== undefined ? p + 13 + predicted.length : raw.indexOf(">", p);
    if (tagEnd < 0 || tagEnd > to) return false;
    next = tagEnd + 1;
    if (raw.charCodeAt(tagEnd - 1) !== 47) {
      // The first `<` after the tag usually starts `</Data>`: a one-character search.
      const lt = raw.indexOf("<", tagEnd + 1);
      const close = lt >= 0 && isDataClose(raw, lt) ? lt : indexOfTag(raw, "/Data>", tagEnd);
      if (close < 0 || close > to) return false;
      if (close !== lt) plain = false;
      next = close + 7;
      if (close > tagEnd + 1 && raw.charCodeAt(p + 5) === 32) {
        const name = predicted ?? dataName(raw, p + 6, tagEnd, names, index);
        if (name) data.push(name, raw.slice(tagEnd + 1, close));
      }
    }
    if (startsData(raw, next)) p = next;
    else {
      p = raw.indexOf("<Data", next);
      if (p >= 0 && p < to) plain = false;
    }
  }
  return plain && next === to;
}

/**
 * The first `<` + `rest` at or after `from`, skipping [plainFrom, plainTo) when that span is
 * known to hold none. An occurrence cannot straddle `plainFrom` (a `<`, and `rest` holds no `<`),
 * so only a gap before the span wide enough for the tag needs the full search.
 */
function indexOfTagOutside(raw: string, rest: string, from: number, plainFrom: number, plainTo: number): number {
  if (plainFrom < 0 || plainFrom - from > rest.length) return indexOfTag(raw, rest, from);
  return indexOfTag(raw, rest, plainTo);
}

/** `</Data>` at `at`. */
function isDataClose(raw: string, at: number): boolean {
  return (
    raw.charCodeAt(at + 1) === 47 && raw.charCodeAt(at + 2) === 68 && raw.charCodeAt(at + 3) === 97 &&
    raw.charCodeAt(at + 4) === 116 && raw.charCodeAt(at + 5) === 97 && raw.charCodeAt(at + 6) === 62
  );
}

/** The guess for the `index`-th item when the tag at `p` is `<Data Name='guess'>` (or `"guess"`). */
function predictedName(raw: string, p: number, names: NamePredictor, index: number): string | undefined {
  const form = names.form(index);
  if (form === undefined) return undefined;
  if (raw.charCodeAt(p + 11) === 39) return raw.substring(p, p + form.length) === form ? names.guess(index) : undefined;
  const guess = names.guess(index)!;
  return isNamedTag(raw, p, guess) ? guess : undefined;
}

/**
 * `raw[p]` starts `<Data Name='name'>` (or with double quotes). `name` holds no quote, `<` or
 * `>` (NamePredictor.guess), so the `>` here is the first one after `p` and the quote after the
 * name is the first one after `Name=` — exactly what the searches in `scanData`/`dataName` find.
 */
function isNamedTag(raw: string, p: number, name: string): boolean {
  const quote = raw.charCodeAt(p + 11);
  const after = p + 12 + name.length;
  return (
    (quote === 39 || quote === 34) && raw.charCodeAt(p + 5) === 32 && startsName(raw, p + 6) &&
    raw.charCodeAt(after) === quote && raw.charCodeAt(after + 1) === 62 && sameText(raw, p + 12, name)
  );
}

/** `<Data` at `at`. */
function startsData(raw: string, at: number): boolean {
  return (
    raw.charCodeAt(at) === 60 && raw.charCodeAt(at + 1) === 68 && raw.charCodeAt(at + 2) === 97 &&
    raw.charCodeAt(at + 3) === 116 && raw.charCodeAt(at + 4) === 97
  );
}

/**
 * The Name of a `<Data …>` tag whose attributes are `raw[from, to)`: the first `\bName='…'` or
 * `Name="…"` there. The usual tag starts with it, which is checked by characters; anything else
 * is left to the regex.
 */
function dataName(raw: string, from: number, to: number, names: NamePredictor, index: number): string | undefined {
  const quote = raw.charCodeAt(from + 5);
  if ((quote === 39 || quote === 34) && startsName(raw, from)) {
    const close = raw.indexOf(quote === 39 ? "'" : '"', from + 6);
    if (close >= 0 && close < to) return close === from + 6 ? undefined : names.at(raw, from + 6, close, index);
  }
  const m = NAME_ATTRIBUTE.exec(raw.slice(from, to));
  return m?.[1] ?? m?.[2];
}

/** `Name=` at `at`, by characters (`startsWith` with an offset is several times slower in V8). */
function startsName(raw: string, at: number): boolean {
  return (
    raw.charCodeAt(at) === 78 && raw.charCodeAt(at + 1) === 97 && raw.charCodeAt(at + 2) === 109 &&
    raw.charCodeAt(at + 3) === 101 && raw.charCodeAt(at + 4) === 61
  );
}

/**
 * Offset of the first `<` + `rest` at or after `from`, or -1. V8 searches a pattern by its first
 * character; `<` starts every tag, so searching for the rest and checking the `<` before it is
 * several times faster than searching for the whole tag.
 */
function indexOfTag(raw: string, rest: string, from: number): number {
  for (let k = raw.indexOf(rest, from + 1); k >= 0; k = raw.indexOf(rest, k + 1)) {
    if (raw.charCodeAt(k - 1) === 60) return k - 1;
  }
  return -1;
}
