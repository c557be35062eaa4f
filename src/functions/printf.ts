/**
 * The C-style formatter behind printf() (Search Reference 10.0, "Conversion functions": "similar
 * to the C sprintf() function"): flags `-+ 0#'`, width and precision (also `*`), and the
 * conversions of the page's table: d i u o x X f F e E g G a A c s %, plus its aliases `%p` for
 * `%X` (`printf("%x,%X,%p",10,10,10)` is `a,A,A`) and `%z` for `%s`. The page's unsupported
 * specifiers (%C, %n, %S, %<num>$) are printed as written.
 */
import { toNumber, toText, type EvalValue } from "../values/value.js";
import { checkLength } from "./value-limit.js";

/** JavaScript's toFixed/toExponential take at most 100 digits (and throw past it); C prints more, all noise past ~17. */
const MAX_FLOAT_PRECISION = 100;

const SPEC = /%([-+ 0#']*)(\*|\d+)?(?:\.(\*|\d*))?([diuoxXfFeEgGaAcspz%])/g;

/** The page's aliases: %p is %X, %z is %s. */
const ALIAS: Readonly<Record<string, string>> = { p: "X", z: "s" };

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** %g: shortest of %e and %f with `precision` significant digits, trailing zeros removed unless `#`. */
function general(n: number, precision: number, alt: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
  let s = exp < -4 || exp >= p ? n.toExponential(p - 1) : n.toFixed(Math.max(0, p - 1 - exp));
  if (!alt) s = s.replace(/\.?0+(?=e|$)/, "");
  return s;
}

/**
 * %a: a normalised hexadecimal float, `0x1.<hex digits>p<exponent>` (C99). Without a precision
 * all 13 fraction digits are kept, then trailing zeros dropped; with one the fraction is rounded
 * half to even (`printf("%.3A", pi())` is `0X1.922P+1`), and a carry out of the fraction makes the
 * leading digit 2 (`%.0a` of 1.9 is `0x2p+0`), as glibc prints it.
 */
function hexFloat(abs: number, precision: number | undefined, alt: boolean): string {
  if (abs === 0) return `0x0${precision ? `.${"0".repeat(precision)}` : alt ? "." : ""}p+0`;
  let exp = Math.floor(Math.log2(abs));
  if (2 ** exp > abs) exp--;
  if (2 ** (exp + 1) <= abs) exp++;
  // Subnormals are written with the smallest normal exponent (2^-1022) and a 0 leading digit.
  const lead = exp < -1022 ? 0 : 1;
  if (exp < -1022) exp = -1022;
  const fracBits = BigInt(Math.round((abs / 2 ** exp - lead) * 2 ** 52));
  let digits = fracBits.toString(16).padStart(13, "0");
  let leading = lead;
  if (precision !== undefined && precision < 13) {
    const drop = BigInt(4 * (13 - precision));
    const unit = 1n << drop;
    let kept = fracBits >> drop;
    const rest = fracBits & (unit - 1n);
    const half = unit >> 1n;
    if (rest > half || (rest === half && (kept & 1n) === 1n)) kept += 1n;
    if (kept >> BigInt(4 * precision) > 0n) {
      kept = 0n;
      leading += 1;
    }
    digits = precision === 0 ? "" : kept.toString(16).padStart(precision, "0");
  } else if (precision !== undefined) digits = digits.padEnd(precision, "0");
  else digits = digits.replace(/0+$/, "");
  const point = digits.length > 0 || alt ? "." : "";
  return `0x${leading}${point}${digits}p${exp < 0 ? "-" : "+"}${Math.abs(exp)}`;
}

function cExponent(s: string): string {
  // JS writes e+5; C writes e+05.
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

function formatNumber(conv: string, n: number, flags: string, precision: number | undefined): string {
  const abs = Math.abs(n);
  let body: string;
  switch (conv) {
    case "d": case "i": case "u": body = String(Math.trunc(abs)); break;
    case "o": body = Math.trunc(abs).toString(8); break;
    case "x": case "X": body = Math.trunc(abs).toString(16); break;
    case "e": case "E": body = cExponent(abs.toExponential(Math.min(precision ?? 6, MAX_FLOAT_PRECISION))); break;
    case "g": case "G": body = cExponent(general(abs, Math.min(precision ?? 6, MAX_FLOAT_PRECISION), flags.includes("#"))); break;
    case "a": case "A": body = hexFloat(abs, precision === undefined ? undefined : Math.min(precision, MAX_FLOAT_PRECISION), flags.includes("#")); break;
    default: body = abs.toFixed(Math.min(precision ?? 6, MAX_FLOAT_PRECISION));
  }
  if ("diu".includes(conv) && precision !== undefined) body = body.padStart(precision, "0");
  if (flags.includes("'") && "diufF".includes(conv)) {
    const [int = "", frac] = body.split(".");
    body = groupThousands(int) + (frac === undefined ? "" : `.${frac}`);
  }
  if (flags.includes("#") && conv === "o" && !body.startsWith("0")) body = `0${body}`;
  if (flags.includes("#") && (conv === "x" || conv === "X") && abs !== 0) body = `0x${body}`;
  if (conv === "X" || conv === "E" || conv === "G" || conv === "A") body = body.toUpperCase();
  const sign = n < 0 || Object.is(n, -0) ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  return sign + body;
}

function pad(s: string, width: number, flags: string, numeric: boolean): string {
  if (s.length >= width) return s;
  if (flags.includes("-")) return s.padEnd(width, " ");
  if (numeric && flags.includes("0")) {
    const sign = /^[-+ ]/.test(s) ? s[0]! : "";
    const prefix = /^[-+ ]?0[xX]/.test(s) ? s.slice(sign.length, sign.length + 2) : "";
    const rest = s.slice(sign.length + prefix.length);
    return sign + prefix + rest.padStart(width - sign.length - prefix.length, "0");
  }
  return s.padStart(width, " ");
}

/**
 * Formats `args` with a printf format string. Missing arguments format as empty strings and
 * non-numeric values given to a numeric conversion format as 0 (C would be undefined; a choice).
 * A width or precision past the value limit (`%0999999999d`) is a value-too-large error before
 * anything is padded, and so is a result that grows past it spec by spec.
 */
export function sprintf(format: string, args: readonly EvalValue[]): string {
  let next = 0;
  let length = format.length;
  const take = (): EvalValue => args[next++] ?? null;
  return format.replace(SPEC, (whole, flags: string, w?: string, p?: string, written = "") => {
    const conv = ALIAS[written] ?? written;
    if (conv === "%") return "%";
    const starWidth = w === "*" ? Math.trunc(toNumber(take())) || 0 : w ? Number(w) : 0;
    // As in C: a negative `*` width is the `-` flag with that width, a negative precision none at all.
    const width = Math.abs(starWidth);
    const starPrecision = p === undefined ? undefined : p === "*" ? Math.trunc(toNumber(take())) || 0 : Number(p || "0");
    const precision = starPrecision !== undefined && starPrecision < 0 ? undefined : starPrecision;
    checkLength(width, `the width ${width}`);
    if (precision !== undefined) checkLength(precision, `the precision ${precision}`);
    const out = convert(conv, whole, starWidth < 0 ? `${flags}-` : flags, width, precision, take());
    // The result is the format with each spec replaced by its text.
    length += out.length - whole.length;
    checkLength(length, "the result");
    return out;
  });
}

function convert(conv: string, whole: string, flags: string, width: number, precision: number | undefined, v: EvalValue): string {
  if (conv === "s") {
    const s = toText(v) ?? "";
    return pad(precision === undefined ? s : s.slice(0, precision), width, flags, false);
  }
  if (conv === "c") {
    const n = toNumber(v);
    const s = typeof v === "string" && Number.isNaN(n) ? v.slice(0, 1) : codePoint(Math.trunc(n) || 0);
    return pad(s, width, flags, false);
  }
  const n = toNumber(v);
  if (!Number.isFinite(n) && v !== null && !Number.isNaN(n)) return whole;
  return pad(formatNumber(conv, Number.isNaN(n) ? 0 : n, flags, precision), width, flags, true);
}

/** `%c` of a number outside Unicode (fromCodePoint would throw) gives U+FFFD, the replacement character. */
function codePoint(n: number): string {
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "\ufffd";
}
