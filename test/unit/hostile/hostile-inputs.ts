/**
 * Builders for issue 10's hostile inputs, made in memory at test time (nothing big is committed):
 * each returns the input at the size the issue measured, or at a size a parameter picks.
 */
import { SYSMON_1, sysmonXml } from "../adapters/fixtures.js";

/** A Sysmon EID 1 whose CommandLine is `cmd` (XML-escaped by the caller when needed). */
export function sysmonProcess(cmd: string, time = "2024-05-01T10:00:00.0000000Z"): string {
  return sysmonXml(1, time, SYSMON_1.map(([k, v]) => (k === "CommandLine" ? [k, cmd] : k === "Image" ? [k, "/usr/bin/gem"] : [k, v])));
}

/** The crafted event: `"gem open "` 2,000 times (18 KB), which holds no `-e`. */
export const GEM_COMMAND_LINE = "gem open ".repeat(2000);

/** A wildcard value of `n` stars, each followed by `a`, then `c`: `*a*a*…*c`. */
export function starPattern(n: number): string {
  return `${"*a".repeat(n)}*c`;
}

/** A value of `n` digits that is not a number (a letter at the end): the numeric test once took 16 s on it. */
export function digitsThenLetter(n: number): string {
  return `${"9".repeat(n)}x`;
}

/** An IPv6-looking value the IPv4-tail regex retried at every position: `1.1.1.1.…`. */
export function dottedDigits(n: number): string {
  return `::${Array(n).fill("1").join(".")}`;
}
