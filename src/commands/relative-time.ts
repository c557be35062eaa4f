/**
 * The text `reltime` writes for a time difference (reltime.ts). The reltime page shows
 * `5 days ago`, `1 minute ago`, `2 years ago` and gives no rule; minispl's rule: the largest unit
 * of which at least one whole unit has passed — seconds, minutes, hours, days, months of 30 days,
 * years of 365 days — counted down to a whole number, singular for 1 (`1 minute ago`); a time
 * after "now" reads `in 5 minutes`.
 */
const UNITS: readonly (readonly [string, number])[] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/** `seconds` is now minus the timestamp: positive in the past. */
export function relativeText(seconds: number): string {
  const past = seconds >= 0;
  const abs = Math.abs(seconds);
  const [unit, size] = UNITS.find(([, s]) => abs >= s) ?? ["second", 1];
  const n = Math.floor(abs / size);
  const phrase = `${n} ${unit}${n === 1 ? "" : "s"}`;
  return past ? `${phrase} ago` : `in ${phrase}`;
}
