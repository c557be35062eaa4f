// The regex XmlWinEventLog scanner that xml-record.ts / xml-system.ts replaced (minispl 6b4c677),
// kept verbatim as the oracle for xml-scanner-exact.test.ts: the character scanner must give the
// same record for every input, including malformed ones.
import { newFields, setIfAbsent, append, type Fields } from "../../../src/adapters/fields.js";

export interface RegexRecord {
  readonly eventId: string;
  readonly channel: string;
  readonly system: Fields;
  readonly data: Fields;
  readonly extra: Fields;
  readonly systemTime: string | undefined;
}

const SYSTEM_ELEMENT = /<(\w+)((?:\s+\w+=(?:'[^']*'|"[^"]*"))*)\s*(?:\/>|>([^<]*)<\/\1\s*>)/g;
const ATTRIBUTE = /(\w+)=('[^']*'|"[^"]*")/g;
const NAME_ATTRIBUTE = /\bName=(?:'([^']*)'|"([^"]*)")/;

export function parseWithRegexes(raw: string): RegexRecord | string {
  const sysStart = raw.indexOf("<System>");
  const sysEnd = sysStart < 0 ? -1 : raw.indexOf("</System>", sysStart);
  if (sysEnd < 0) return "no <System>…</System> block";
  const system = newFields();
  let eventId: string | undefined;
  let channel: string | undefined;
  let systemTime: string | undefined;
  const block = raw.slice(sysStart + 8, sysEnd);
  SYSTEM_ELEMENT.lastIndex = 0;
  for (let m = SYSTEM_ELEMENT.exec(block); m; m = SYSTEM_ELEMENT.exec(block)) {
    const tag = m[1]!;
    const text = m[3];
    if (tag === "EventID") eventId = text;
    else if (tag === "Channel") channel = text ?? "";
    if (text) setIfAbsent(system, tag, text);
    if (m[2]) {
      for (const a of m[2].matchAll(ATTRIBUTE)) {
        setIfAbsent(system, a[1]!, a[2]!);
        if (tag === "TimeCreated" && a[1] === "SystemTime") systemTime = a[2]!.slice(1, -1);
      }
    }
  }
  if (eventId === undefined || eventId === "") return "no <EventID>";
  if (channel === undefined) return "no <Channel>";
  const data = newFields();
  const extra = newFields();
  const bad = scanBody(raw, sysEnd, data, extra);
  if (bad) return bad;
  return { eventId, channel, system, data, extra, systemTime };
}

function scanBody(raw: string, from: number, data: Fields, extra: Fields): string | undefined {
  const ed = raw.indexOf("<EventData>", from);
  if (ed >= 0) {
    const edEnd = raw.indexOf("</EventData>", ed);
    if (edEnd < 0) return "unterminated <EventData>";
    extra.EventData_Xml = raw.slice(ed, edEnd + 12);
    scanData(raw, ed + 11, edEnd, data);
  }
  const ud = raw.indexOf("<UserData>", from);
  if (ud >= 0) {
    const udEnd = raw.indexOf("</UserData>", ud);
    if (udEnd < 0) return "unterminated <UserData>";
    extra.UserData_Xml = raw.slice(ud, udEnd + 11);
  }
  const ri = raw.indexOf("<RenderingInfo", from);
  if (ri >= 0) {
    const msg = raw.indexOf("<Message>", ri);
    const msgEnd = msg < 0 ? -1 : raw.indexOf("</Message>", msg);
    if (msgEnd > msg + 9) extra.Message = raw.slice(msg + 9, msgEnd);
  }
  return undefined;
}

function scanData(raw: string, from: number, to: number, data: Fields): void {
  let p = raw.indexOf("<Data", from);
  while (p >= 0 && p < to) {
    const tagEnd = raw.indexOf(">", p);
    if (tagEnd < 0 || tagEnd > to) return;
    const selfClosing = raw.charCodeAt(tagEnd - 1) === 47;
    const isData = raw.charCodeAt(p + 5) === 32;
    let next = tagEnd + 1;
    if (!selfClosing) {
      const close = raw.indexOf("</Data>", tagEnd);
      if (close < 0 || close > to) return;
      next = close + 7;
      const name = isData ? NAME_ATTRIBUTE.exec(raw.slice(p + 6, tagEnd)) : null;
      const key = name?.[1] ?? name?.[2];
      if (key && close > tagEnd + 1) append(data, key, raw.slice(tagEnd + 1, close));
    }
    p = raw.indexOf("<Data", next);
  }
}
