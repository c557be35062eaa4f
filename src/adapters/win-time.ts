/**
 * Timestamp parsing for Windows events without Date.parse (which drops digits past milliseconds
 * and is slow on millions of records). Accepts `2019-04-03T18:12:00.016862400Z` (TimeCreated
 * SystemTime) and `2019-04-03 18:11:59.996` (Sysmon UtcTime, cim-mapping.md §2.1); both are UTC.
 */

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z?$/;

/** Epoch seconds (with fraction) of a UTC timestamp, or undefined when it does not parse. */
export function parseUtc(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const fast = parseExact(text);
  if (fast !== undefined) return fast;
  const m = SHAPE.exec(text.trim());
  if (!m) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  if (Number.isNaN(ms)) return undefined;
  const frac = m[7];
  if (frac === undefined) return ms / 1000;
  // One division keeps `…59.996` bit-identical to the literal 1554315119.996.
  const subMs = frac.length <= 3 ? +frac.padEnd(3, "0") : +`${frac.slice(0, 3)}.${frac.slice(3)}`;
  return (ms + subMs) / 1000;
}

/**
 * The same answer for the usual text (no surrounding blanks, at most 15 fraction digits) by
 * character tests, without the regex's match array and substrings (one call per event);
 * undefined means "not decided here", and `parseUtc` takes the general path.
 */
function parseExact(t: string): number | undefined {
  const n = t.length;
  if (n < 19 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) return undefined;
  const sep = t.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return undefined;
  const year = num(t, 0, 4);
  const month = num(t, 5, 7);
  const day = num(t, 8, 10);
  const hour = num(t, 11, 13);
  const minute = num(t, 14, 16);
  const second = num(t, 17, 19);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  const end = t.charCodeAt(n - 1) === 90 ? n - 1 : n; // an optional trailing Z
  let frac = 0;
  if (end > 19) {
    if (t.charCodeAt(19) !== 46 || end === 20 || end - 20 > 15) return undefined;
    frac = num(t, 20, end);
    if (frac < 0) return undefined;
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(ms)) return undefined;
  if (end === 19) return ms / 1000;
  // `+"016.8624"` is the double nearest to 16.8624; so is 168624 / 10^4, as both operands are
  // exact (≤ 15 digits) and IEEE division rounds to nearest: the result is bit-identical.
  const fracDigits = end - 20;
  const subMs = fracDigits <= 3 ? frac * POW10[3 - fracDigits]! : frac / POW10[fracDigits - 3]!;
  return (ms + subMs) / 1000;
}

/** Exact powers of ten (literals, not `**`, whose exactness the language does not promise). */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/** The decimal number `t[from, to)`, or -1 when a character there is not a digit. */
function num(t: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
