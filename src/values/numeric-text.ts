/**
 * The numeric-looking test of Splunk's value reading: optional white space, an optional sign, digits
 * with an optional decimal point (or a point and digits), an optional exponent, optional white space.
 * It is the language of `^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$`, scanned once from left to
 * right: that regex backtracks quadratically on a long run of digits followed by a non-digit (a
 * 100,000-digit field compared with "abc" took 16 s), and field values come from the machine under
 * investigation.
 */

/** True when `s` reads as a decimal number (see the header); linear in its length. */
export function isNumericText(s: string): boolean {
  let i = 0;
  let end = s.length;
  while (i < end && isSpace(s.charCodeAt(i))) i += 1;
  while (end > i && isSpace(s.charCodeAt(end - 1))) end -= 1;
  if (i < end && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i += 1;
  const intStart = i;
  while (i < end && isDigit(s.charCodeAt(i))) i += 1;
  let digits = i - intStart;
  if (i < end && s.charCodeAt(i) === 46) {
    i += 1;
    const fracStart = i;
    while (i < end && isDigit(s.charCodeAt(i))) i += 1;
    digits += i - fracStart;
  }
  if (digits === 0) return false;
  if (i < end && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
    i += 1;
    if (i < end && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i += 1;
    const expStart = i;
    while (i < end && isDigit(s.charCodeAt(i))) i += 1;
    if (i === expStart) return false;
  }
  return i === end;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** JavaScript's `\s`: ECMAScript WhiteSpace and LineTerminator code units (also what Number() trims). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
