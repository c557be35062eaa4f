/**
 * Conversion functions: tostring (with "binary", "hex", "commas", "duration"), tonumber (with a
 * base), printf and ipmask; the Splunk 10 additions (tobool, toint, …) are in conversion-more.ts. Documented example (Conversion functions page):
 * `tostring(1==1) + " " + tostring(15, "hex") + " " + tostring(12345.6789, "commas")` is
 * `True 0xF 12,345.68`, and `tostring(615, "duration")` is `00:10:15`.
 */
import { formatNumber, toNumber, type Atom } from "../values/value.js";
import { isNumberLike, lift, num, text } from "./args.js";
import { maskIpv4 } from "../values/ip.js";
import { sprintf } from "./printf.js";
import type { FunctionDef } from "./types.js";

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * Seconds as `[D+]HH:MM:SS`, and a fraction of a second with the digits the value carries, at most
 * six (microseconds). The Conversion functions page shows whole seconds only (`tostring(615,
 * "duration")` is 00:10:15); the delta page's example 2 turns differences of millisecond times into
 * `03:25:04.406`, `00:04:17.701`: three digits, the precision of the times, where a fixed six
 * digits would print 03:25:04.406000. So a number prints its shortest decimal digits (rounded to
 * microseconds first, which drops the noise of subtracting two epoch doubles), and text prints the
 * decimals it is written with ("1.500" → 00:00:01.500, as eval stores `1.5 * 1.000`). A negative
 * value gets a leading `-` and a day count `D+` (choices: the docs show neither).
 */
function duration(value: Atom): string | null {
  const seconds = toNumber(value);
  if (!Number.isFinite(seconds)) return null;
  const written = typeof value === "string" ? writtenDecimals(value) : -1;
  const digits = written >= 0 ? Math.min(written, 6) : 6;
  const unit = 10 ** digits;
  const units = Math.round(Math.abs(seconds) * unit);
  const whole = Math.floor(units / unit);
  let frac = digits === 0 ? "" : String(units - whole * unit).padStart(digits, "0");
  if (written < 0) frac = frac.replace(/0+$/, "");
  const days = Math.floor(whole / 86400);
  const rem = whole % 86400;
  const hms = `${pad2(Math.floor(rem / 3600))}:${pad2(Math.floor((rem % 3600) / 60))}:${pad2(rem % 60)}`;
  return `${seconds < 0 && units > 0 ? "-" : ""}${days > 0 ? `${days}+` : ""}${hms}${frac === "" ? "" : `.${frac}`}`;
}

/** Digits after the decimal point of numeric text ("1.500" → 3, "615" → 0); -1 with an exponent. */
function writtenDecimals(s: string): number {
  const t = s.trim();
  if (/[eE]/.test(t)) return -1;
  const dot = t.indexOf(".");
  return dot < 0 ? 0 : t.length - dot - 1;
}

/** Thousands separators; a fractional number is rounded to 2 decimals (docs), shown as `%.2f`. */
function commas(n: number): string {
  const fixed = Number.isInteger(n) ? String(Math.abs(n)) : Math.abs(n).toFixed(2);
  const [int = "", frac] = fixed.split(".");
  return `${n < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac === undefined ? "" : `.${frac}`}`;
}

function hex(n: number): string {
  const t = Math.trunc(n);
  return `${t < 0 ? "-" : ""}0x${Math.abs(t).toString(16).toUpperCase()}`;
}

/**
 * "binary": "Only integers in the range of 0 to 2^53-1 are accepted"; anything else gives null
 * (`tostring(9, "binary")` is 1001).
 */
function binary(n: number): string | null {
  return Number.isInteger(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER ? n.toString(2) : null;
}

/** The formats, each over a value that reads as a number (duration also reads its written decimals). */
const FORMATS: Readonly<Record<string, (a: Atom) => string | null>> = {
  binary: (a) => binary(toNumber(a)), hex: (a) => hex(toNumber(a)), commas: (a) => commas(toNumber(a)), duration,
};

const tostring: FunctionDef = {
  name: "tostring", category: "conversion", minArgs: 1, maxArgs: 2,
  signature: 'tostring(<value>, <format>)',
  summary: 'The value as a string; <format> "binary", "hex", "commas" or "duration" formats a number.',
  examples: [
    { expr: 'tostring(9, "binary")', result: "1001" },
    { expr: "tostring(1 == 1)", result: "True" }, { expr: 'tostring(15, "hex")', result: "0xF" },
    { expr: 'tostring(12345.6789, "commas")', result: "12,345.68" }, { expr: 'tostring(615, "duration")', result: "00:10:15" },
    { expr: "tostring(3.50)", result: "3.50" }, { expr: 'tostring(1.5, "duration")', result: "00:00:01.5" },
  ],
  impl: ([v, format]) => {
    if (v === undefined || v === null) return null;
    if (typeof v === "boolean") return v ? "True" : "False";
    if (format === undefined) return lift(v, (a) => (typeof a === "number" ? formatNumber(a) : a));
    const name = text(format);
    const f = name !== null && Object.hasOwn(FORMATS, name) ? FORMATS[name] : undefined;
    if (f === undefined) return null;
    // "The format argument is optional and is only used when the value argument is a number":
    // other text is returned as it is.
    return lift(v, (a) => (isNumberLike(a) ? f(a) : a));
  },
  numbersAsStored: true,
  // A quoted literal is a string, not a number (Informational functions; a field holding "5" is
  // one), so its format is not used: "tostring("5", "binary") is not supported".
  specialize: ([v, f]) => (v?.kind === "literal" && typeof v.value === "string" && f !== undefined ? ([x]) => x ?? null : null),
};

export function parseInBase(s: string, base: number): number | null {
  const t = s.trim().toLowerCase();
  const m = /^([+-]?)([0-9a-z]+)$/.exec(base === 16 ? t.replace(/^([+-]?)0x/, "$1") : t);
  if (!m) return null;
  let n = 0;
  for (const ch of m[2]!) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) return null;
    n = n * base + d;
  }
  return m[1] === "-" ? -n : n;
}

const tonumber: FunctionDef = {
  name: "tonumber", category: "conversion", minArgs: 1, maxArgs: 2,
  signature: "tonumber(<str>, <base>)",
  summary: "Reads a number from a string in <base> 2–36 (default 10); null when it is not one.",
  examples: [
    { expr: 'tonumber("0A4", 16)', result: 164 }, { expr: 'tonumber("12.5")', result: 12.5 },
    { expr: 'tonumber("0101", 2)', result: 5 }, { setup: 'x="abc"', expr: "isnull(tonumber(x))", result: true },
  ],
  // "If the tonumber function can't parse a string to a number, the function returns an error"
  // (`tonumber("seven")`); a field value that is not a number gives null.
  checkArgs: ([v, b]) => {
    if (v?.kind !== "literal" || typeof v.value !== "string") return null;
    const base = b === undefined ? 10 : b.kind === "literal" && typeof b.value === "number" ? b.value : null;
    if (base === null || !Number.isInteger(base) || base < 2 || base > 36) return null;
    const ok = base === 10 ? isNumberLike(v.value) : parseInBase(v.value, base) !== null;
    return ok ? null : { message: `"${v.value}" is not a number in base ${base}`, at: v };
  },
  impl: ([v, b]) => {
    const base = b === undefined ? 10 : num(b);
    if (base === null || !Number.isInteger(base) || base < 2 || base > 36) return null;
    return lift(v, (a: Atom) => {
      if (typeof a === "number") return a;
      // "If the tonumber function can't parse a field value to a number, for example if the
      // value contains a leading and trailing space, the function returns NULL."
      if (a !== a.trim()) return null;
      if (base === 10) return isNumberLike(a) ? toNumber(a) : null;
      return parseInBase(a, base);
    });
  },
};

const printf: FunctionDef = {
  name: "printf", category: "conversion", minArgs: 1, maxArgs: Infinity,
  signature: "printf(<format>, <arguments>...)",
  summary: "Builds a string like C sprintf(): %d %s %f %x %e %g %c %%, flags, width, precision.",
  examples: [
    { expr: 'printf("%04d|%-3s|%.2f", 7, "a", 3.14159)', result: "0007|a  |3.14" },
    { expr: "printf(\"%'d\", 1234567)", result: "1,234,567" },
  ],
  impl: ([format, ...args]) => {
    const f = text(format);
    return f === null ? null : sprintf(f, args);
  },
};

const ipmask: FunctionDef = {
  name: "ipmask", category: "conversion", minArgs: 2, maxArgs: 2,
  signature: "ipmask(<mask>, <ip>)", summary: "Bitwise AND of an IPv4 mask and an IPv4 address.",
  examples: [{ expr: 'ipmask("255.255.255.0", "10.20.30.120")', result: "10.20.30.0" }],
  impl: ([mask, ip]) => {
    const m = text(mask);
    return m === null ? null : lift(ip ?? null, (a) => maskIpv4(m, String(a)));
  },
};

/** The conversion functions. */
export const CONVERSION_FUNCTIONS: readonly FunctionDef[] = [tostring, tonumber, printf, ipmask];
