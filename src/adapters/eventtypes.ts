/**
 * Eventtypes and tags as data. The add-ons classify events with eventtypes (a saved search each)
 * and tag the eventtypes; datamodel membership is then by tag (cim-mapping.md §1.1). Each adapter
 * family contributes a table; `classify` evaluates them after all other fields exist, which is the
 * last search-time stage in Splunk too (cim-mapping.md §0.1).
 */
import type { Fields } from "./fields.js";

export interface EventtypeDef {
  readonly name: string;
  readonly tags: readonly string[];
  /** The eventtype's search, over the event's final fields (source/sourcetype included). */
  readonly matches: (f: Fields) => boolean;
}

/**
 * Sets the multivalue `eventtype` and `tag` fields. Both are sorted and deduplicated, the way
 * Splunk lists them (the GSEC sample shows `[endpoint_services_processes, ms-sysmon-process, …]`).
 */
export function classify(f: Fields, defs: readonly EventtypeDef[]): void {
  const types: string[] = [];
  const tags = new Set<string>();
  for (const d of defs) {
    if (!d.matches(f)) continue;
    types.push(d.name);
    for (const t of d.tags) tags.add(t);
  }
  if (types.length > 0) f.eventtype = types.sort();
  if (tags.size > 0) f.tag = [...tags].sort();
}

/** Case-insensitive equality, as `field=value` terms compare in an eventtype search (cim-mapping.md §5). */
export function eqi(a: string | string[] | undefined, b: string): boolean {
  return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}
