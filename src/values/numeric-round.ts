/**
 * round(<num>, <digits>) on the number's decimal digits, not on its binary value.
 *
 * Mathematical functions page (10.0), round: "round(3.5)" returns 4 and "round(2.555, 2)" returns
 * 2.56. 2.555 is stored as 2.55499999999999971578…, so `Math.round(2.555 * 100) / 100` gives 2.55;
 * rounding the shortest text that reads back as the double ("2.555", what Splunk prints) gives the
 * documented 2.56. A tie goes up, towards +∞: Splunk 8.2.2 rounds -4.5 to -4 and -4.51 to -5
 * (qiita.com/frozencatpisces/items/3e0eaa1efcca9e242df8, screenshots of the results); the doc
 * shows no negative tie.
 */

/** Past 20 decimals a double has no digits left to round. */
const MAX_DIGITS = 20;

/** `n` rounded to `digits` decimal places (0 … 20) on its shortest decimal text, ties towards +∞. */
export function roundDecimal(n: number, digits: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n) || digits >= MAX_DIGITS) return n;
  const text = String(Math.abs(n));
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exp = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const all = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  // The value is 0.<all> × 10^point.
  const point = (dot < 0 ? mantissa.length : dot) + exp;
  const keep = point + digits; // digits of `all` that stay
  if (keep < 0) return 0;
  // Past 15 kept digits the integer below is inexact, and a tie can no longer be in the text.
  if (keep > 15) return Number(n.toFixed(digits));
  const next = keep < all.length ? all.charCodeAt(keep) - 48 : 0;
  let up = next > 5 || (next === 5 && (n > 0 || hasNonZero(all, keep + 1)));
  if (next === 5 && n < 0 && !hasNonZero(all, keep + 1)) up = false; // -4.5 → -4
  const kept = all.slice(0, keep).padEnd(keep, "0");
  let magnitude = kept === "" ? 0 : Number(kept);
  if (up) magnitude += 1;
  const out = magnitude / 10 ** digits;
  return n < 0 ? (out === 0 ? 0 : -out) : out;
}

function hasNonZero(s: string, from: number): boolean {
  for (let i = from; i < s.length; i += 1) if (s.charCodeAt(i) !== 48) return true;
  return false;
}
