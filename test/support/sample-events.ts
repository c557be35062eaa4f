/**
 * Part of a bundled sample file (samples/data/*.xml: one event per line), written where a test
 * wants it. The persistent-table tests load one ClickHouse table per field of their events: the
 * process-creation events of sysmon.xml have 88 fields where the whole file has 126, and every table
 * costs a CREATE, an INSERT and a catalog row in a chDB data folder (most of those tests' time).
 */
import { readFileSync, writeFileSync } from "node:fs";

/** Sysmon EventCode 1 (process creation), Security 4688: the events Endpoint.Processes is made of. */
export const PROCESS_CREATION = /<EventID>(1|4688)<\/EventID>/;

/**
 * Writes to `to` the events of `sample` that match `keep` (the first `limit` of them, when given);
 * returns how many. Throws when none match: a reformatted sample must not leave a test with no data.
 */
export function writeSampleEvents(sample: string, to: string, keep: RegExp, limit = Infinity): number {
  const events = readFileSync(sample, "utf8").split("\n").filter((line) => keep.test(line)).slice(0, limit);
  if (events.length === 0) throw new Error(`no event of ${sample} matches ${keep}`);
  writeFileSync(to, `${events.join("\n")}\n`);
  return events.length;
}
