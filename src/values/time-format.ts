/**
 * Splunk's date and time format variables (spl-semantics.md §3, TFV): `strftime` renders epoch
 * seconds as text and `strptime` reads text back into epoch seconds. Both are used by the eval
 * functions of the same names and by `convert ctime`. Zones come from luxon; the default is UTC
 * because the zone Splunk renders in is UNVERIFIED (§3) and minispl documents UTC.
 *
 * Locale-dependent variables (%c, %x, %X, %+) use the C/POSIX locale forms, e.g. %c is
 * `Thu Jul 18 09:30:00 2019` as in the TFV example.
 */
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from "luxon";

type Token = { readonly lit: string } | { readonly spec: string; readonly width?: number };

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Variables that stand for a sequence of other variables. */
const COMPOSITES: Readonly<Record<string, string>> = {
  T: "%H:%M:%S", F: "%Y-%m-%d", D: "%m/%d/%y", R: "%H:%M", r: "%I:%M:%S %p",
  c: "%a %b %e %H:%M:%S %Y", x: "%m/%d/%y", X: "%H:%M:%S", "+": "%a %b %e %H:%M:%S %Z %Y",
};

/** Largest |epoch seconds| luxon (and JS Date) can represent. */
const MAX_EPOCH = 8.64e12;

/** True when `t` is a finite epoch time that strftime can render. */
export function isValidEpoch(t: number): boolean {
  return Number.isFinite(t) && Math.abs(t) < MAX_EPOCH;
}

/** The luxon zone for an IANA name ("UTC" by default); throws RangeError for an unknown name. */
export function zoneFor(tz: string): Zone {
  if (tz === "" || tz.toUpperCase() === "UTC") return FixedOffsetZone.utcInstance;
  // Checking a zone name builds an Intl formatter (~0.3 ms): once per name, not once per value
  // (gentimes formats two times per row; `| gentimes start=8/13/18 increment=6h` is 12k rows).
  const known = zones.get(tz);
  if (known) return known;
  if (!IANAZone.isValidZone(tz)) throw new RangeError(`unknown time zone "${tz}"`);
  const zone = IANAZone.create(tz);
  if (zones.size >= 1000) zones.clear();
  zones.set(tz, zone);
  return zone;
}

const zones = new Map<string, Zone>();

const tokenCache = new Map<string, readonly Token[]>();

function tokenize(format: string): readonly Token[] {
  const cached = tokenCache.get(format);
  if (cached) return cached;
  const out: Token[] = [];
  const re = /%(\d*)(:?)([A-Za-z%+])/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m.index > last) out.push({ lit: format.slice(last, m.index) });
    last = re.lastIndex;
    const [, width = "", colon, spec = ""] = m;
    const composite = COMPOSITES[spec];
    if (spec === "%") out.push({ lit: "%" });
    else if (composite !== undefined && width === "") out.push(...tokenize(composite));
    else out.push({ spec: colon + spec, ...(width !== "" ? { width: Number(width) } : {}) });
  }
  if (last < format.length) out.push({ lit: format.slice(last) });
  if (tokenCache.size > 256) tokenCache.clear();
  tokenCache.set(format, out);
  return out;
}

const pad = (n: number, w: number, c = "0"): string => String(n).padStart(w, c);

function offsetText(minutes: number, colon: boolean): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(a / 60), 2)}${colon ? ":" : ""}${pad(a % 60, 2)}`;
}

/** Sub-second digits: `micros` is 0..999999, `width` how many digits to print (truncated, never rounded). */
function subsecond(micros: number, width: number): string {
  return pad(micros, 6).padEnd(Math.max(width, 6), "0").slice(0, width);
}

type Render = (d: DateTime, micros: number, width: number | undefined) => string;

const RENDER: Readonly<Record<string, Render>> = {
  Y: (d) => String(d.year), y: (d) => pad(d.year % 100, 2), C: (d) => pad(Math.floor(d.year / 100), 2),
  m: (d) => pad(d.month, 2), d: (d) => pad(d.day, 2), e: (d) => pad(d.day, 2, " "),
  H: (d) => pad(d.hour, 2), k: (d) => pad(d.hour, 2, " "),
  I: (d) => pad(d.hour % 12 || 12, 2), l: (d) => pad(d.hour % 12 || 12, 2, " "),
  M: (d) => pad(d.minute, 2), S: (d) => pad(d.second, 2), p: (d) => (d.hour < 12 ? "AM" : "PM"),
  j: (d) => pad(d.ordinal, 3), a: (d) => DAYS[d.weekday % 7]!.slice(0, 3), A: (d) => DAYS[d.weekday % 7]!,
  b: (d) => MONTHS[d.month - 1]!.slice(0, 3), h: (d) => MONTHS[d.month - 1]!.slice(0, 3), B: (d) => MONTHS[d.month - 1]!,
  u: (d) => String(d.weekday), w: (d) => String(d.weekday % 7),
  V: (d) => pad(d.weekNumber, 2), G: (d) => String(d.weekYear), g: (d) => pad(d.weekYear % 100, 2),
  U: (d) => pad(Math.floor((d.ordinal - 1 + 7 - (d.weekday % 7)) / 7), 2),
  W: (d) => pad(Math.floor((d.ordinal - 1 + 7 - ((d.weekday + 6) % 7)) / 7), 2),
  Z: (d) => d.offsetNameShort ?? offsetText(d.offset, false),
  z: (d) => offsetText(d.offset, false), ":z": (d) => offsetText(d.offset, true),
  s: (d) => String(Math.floor(d.toSeconds())),
  N: (_d, us, w) => subsecond(us, w ?? 9), Q: (_d, us, w) => subsecond(us, w ?? 3), f: (_d, us) => subsecond(us, 6),
  n: () => "\n", t: () => "\t",
};

/**
 * Renders `epochSeconds` with Splunk time format variables in zone `tz`. Sub-seconds only appear
 * through %N/%Q/%f and are truncated, so 1602155026.615 with `%Y-%m-%dT%H:%M:%S` gives
 * `2020-10-08T11:03:46` (§3). Unknown variables are kept literally. Throws RangeError when
 * `isValidEpoch(epochSeconds)` is false or the zone is unknown.
 * @example strftime(0, "%F %T", "UTC") // "1970-01-01 00:00:00"
 */
export function strftime(epochSeconds: number, format: string, tz: string): string {
  if (!isValidEpoch(epochSeconds)) throw new RangeError(`time out of range: ${epochSeconds}`);
  // Work in whole microseconds so .615 is 615000 µs and not 614999.99 (binary fractions).
  const total = Math.round(epochSeconds * 1e6);
  const seconds = Math.floor(total / 1e6);
  const micros = total - seconds * 1e6;
  const d = DateTime.fromSeconds(seconds, { zone: zoneFor(tz) });
  let out = "";
  for (const tok of tokenize(format)) {
    if ("lit" in tok) out += tok.lit;
    else out += RENDER[tok.spec]?.(d, micros, tok.width) ?? `%${tok.width ?? ""}${tok.spec}`;
  }
  return out;
}

interface Fields {
  year?: number; month?: number; day?: number; yday?: number;
  hour?: number; minute?: number; second?: number; pm?: boolean; hour12?: boolean;
  frac?: number; epoch?: number; zone?: Zone;
}

type Cursor = { text: string; pos: number };

const sticky = new Map<string, RegExp>();

/** Matches `source` exactly at the cursor and moves past it; patterns compile once. */
function scan(c: Cursor, source: string): RegExpExecArray | null {
  let re = sticky.get(source);
  if (!re) {
    re = new RegExp(source, "y");
    sticky.set(source, re);
  }
  re.lastIndex = c.pos;
  const m = re.exec(c.text);
  if (m) c.pos += m[0].length;
  return m;
}

function readInt(c: Cursor, maxDigits: number): number | null {
  // Leading spaces are accepted, as %e/%k/%l print them and C strptime skips them.
  while (c.text[c.pos] === " ") c.pos++;
  const m = scan(c, `\\d{1,${maxDigits}}`);
  return m ? Number(m[0]) : null;
}

function readName(c: Cursor, names: readonly string[]): number | null {
  const rest = c.text.slice(c.pos, c.pos + 12).toLowerCase();
  for (let i = 0; i < names.length; i++) {
    const full = names[i]!.toLowerCase();
    const len = rest.startsWith(full) ? full.length : rest.startsWith(full.slice(0, 3)) ? 3 : 0;
    if (len > 0) {
      c.pos += len;
      return i;
    }
  }
  return null;
}

function readFraction(c: Cursor, maxDigits: number, f: Fields): boolean {
  const m = scan(c, `\\d{1,${maxDigits}}`);
  if (!m) return false;
  f.frac = Number(m[0]) / 10 ** m[0].length;
  return true;
}

function readOffset(c: Cursor, f: Fields): boolean {
  const m = scan(c, "Z|([+-])(\\d\\d):?(\\d\\d)");
  if (!m) return false;
  const minutes = m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  f.zone = FixedOffsetZone.instance(minutes);
  return true;
}

function readZoneName(c: Cursor, f: Fields): boolean {
  const m = scan(c, "[A-Za-z_]+(?:\\/[A-Za-z_]+)*");
  if (!m) return false;
  const name = m[0].toUpperCase();
  // Abbreviations are ambiguous in general; only the unambiguous UTC spellings and IANA names
  // change the zone. Any other word is consumed and the default zone is kept (UNVERIFIED).
  if (name === "UTC" || name === "GMT" || name === "Z" || name === "UT") f.zone = FixedOffsetZone.utcInstance;
  else if (m[0].includes("/") && IANAZone.isValidZone(m[0])) f.zone = IANAZone.create(m[0]);
  return true;
}

function set(f: Fields, key: "year" | "month" | "day" | "yday" | "hour" | "minute" | "second", v: number | null): boolean {
  if (v === null) return false;
  f[key] = v;
  return true;
}

function readMonth(c: Cursor, f: Fields): boolean {
  const i = readName(c, MONTHS);
  return i !== null && set(f, "month", i + 1);
}

/** Default digits of the sub-second variables (%N nanoseconds, %Q milliseconds, %f microseconds). */
const SUBSECOND_WIDTH: Readonly<Record<string, number>> = { N: 9, Q: 3, f: 6 };

type Parse = (c: Cursor, f: Fields, width: number | undefined, next: Token | undefined) => boolean;

const PARSE: Readonly<Record<string, Parse>> = {
  Y: (c, f) => set(f, "year", readInt(c, 4)),
  y: (c, f) => { const v = readInt(c, 2); return v !== null && set(f, "year", v < 69 ? 2000 + v : 1900 + v); },
  m: (c, f) => set(f, "month", readInt(c, 2)),
  d: (c, f) => set(f, "day", readInt(c, 2)), e: (c, f) => set(f, "day", readInt(c, 2)),
  H: (c, f) => set(f, "hour", readInt(c, 2)), k: (c, f) => set(f, "hour", readInt(c, 2)),
  I: (c, f) => { f.hour12 = true; return set(f, "hour", readInt(c, 2)); },
  l: (c, f) => { f.hour12 = true; return set(f, "hour", readInt(c, 2)); },
  M: (c, f) => set(f, "minute", readInt(c, 2)), S: (c, f) => set(f, "second", readInt(c, 2)),
  j: (c, f) => set(f, "yday", readInt(c, 3)),
  p: (c, f) => { const i = readName(c, ["AM", "PM"]); if (i === null) return false; f.pm = i === 1; return true; },
  a: (c) => readName(c, DAYS) !== null, A: (c) => readName(c, DAYS) !== null,
  b: readMonth, B: readMonth, h: readMonth,
  u: (c) => readInt(c, 1) !== null, w: (c) => readInt(c, 1) !== null,
  z: readOffset, ":z": readOffset, Z: readZoneName,
  // %s followed by %3Q/%3N reads epoch milliseconds as one digit run (e.g. `%s%3Q`).
  s: (c, f, _w, next) => {
    const start = c.pos;
    const m = scan(c, "[+-]?\\d+");
    if (!m) return false;
    const v = next && "spec" in next ? next : undefined;
    const sub = v ? SUBSECOND_WIDTH[v.spec] : undefined;
    const keep = v && sub !== undefined ? Math.max(1, m[0].length - (v.width ?? sub)) : m[0].length;
    c.pos = start + keep;
    f.epoch = Number(m[0].slice(0, keep));
    return true;
  },
  N: (c, f, w) => readFraction(c, w ?? 9, f), Q: (c, f, w) => readFraction(c, w ?? 3, f), f: (c, f) => readFraction(c, 6, f),
};

function matchLiteral(c: Cursor, lit: string): boolean {
  for (const ch of lit) {
    if (/\s/.test(ch)) {
      // As in C strptime, whitespace in the format matches any run of whitespace, even none.
      while (/\s/.test(c.text[c.pos] ?? "")) c.pos++;
    } else if (c.text[c.pos] === ch) c.pos++;
    else return false;
  }
  return true;
}

function toEpoch(f: Fields, tz: string): number | null {
  const frac = f.frac ?? 0;
  if (f.epoch !== undefined) return f.epoch + frac;
  let hour = f.hour ?? 0;
  if (f.hour12 && (hour < 1 || hour > 12)) return null;
  if (f.hour12 || f.pm !== undefined) hour = (hour % 12) + (f.pm ? 12 : 0);
  const zone = f.zone ?? zoneFor(tz);
  const year = f.year ?? 1970;
  const time = { hour, minute: f.minute ?? 0, second: f.second ?? 0 };
  const d = f.month === undefined && f.day === undefined && f.yday !== undefined
    ? DateTime.fromObject({ year, ordinal: f.yday, ...time }, { zone })
    : DateTime.fromObject({ year, month: f.month ?? 1, day: f.day ?? 1, ...time }, { zone });
  return d.isValid ? d.toSeconds() + frac : null;
}

/**
 * A `.%N` (or `,%3Q`, `.%f`) the text does not have reads as no sub-seconds: the date and time
 * functions page's strptime extended example reads "Mon Aug 13 00:00:00 2018" with
 * "%a %B %d %H:%M:%S.%N %Y" and shows every row parsed (1534143600.000000).
 */
function optionalSubsecond(c: Cursor, lit: string, next: Token | undefined): boolean {
  if (!next || !("spec" in next) || SUBSECOND_WIDTH[next.spec] === undefined || !/[.,]$/.test(lit)) return false;
  const at = c.pos;
  if (matchLiteral(c, lit.slice(0, -1))) return true;
  c.pos = at;
  return false;
}

/**
 * Parses `text` with Splunk time format variables; returns epoch seconds or null when the text
 * does not match. Missing date parts default to 1970-01-01, missing time parts to 0, and text after
 * the last variable is ignored (both UNVERIFIED). %z/%Z in the text override `tz`.
 * @example strptime("2020-10-08T11:03:46", "%Y-%m-%dT%H:%M:%S", "UTC") // 1602155026
 */
export function strptime(text: string, format: string, tz: string): number | null {
  const c: Cursor = { text, pos: 0 };
  const f: Fields = {};
  const tokens = tokenize(format);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if ("lit" in tok) {
      const at = c.pos;
      if (matchLiteral(c, tok.lit)) continue;
      c.pos = at;
      if (!optionalSubsecond(c, tok.lit, tokens[i + 1])) return null;
      i++;
      continue;
    }
    const parse = PARSE[tok.spec];
    if (!parse) {
      if (!matchLiteral(c, `%${tok.width ?? ""}${tok.spec}`)) return null;
    } else if (!parse(c, f, tok.width, tokens[i + 1])) return null;
  }
  return toEpoch(f, tz);
}
