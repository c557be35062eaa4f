/**
 * What search and detect load before they run: macros (warnings for unreadable definitions),
 * lookups, the GeoIP database and the events. Null (after saying why on stderr) when an input
 * cannot be read, which the commands turn into exit 3.
 */
import type { EventStore, GeoIpDatabase, LookupStore, LookupWriter } from "../index.js";
import { geoipOptions } from "./geoip.js";
import { loadMacros, type MacroLoad } from "./load-files.js";
import { lookupOptions } from "./lookups.js";
import type { CommonOptions } from "./options.js";
import { loadEvents, type Io } from "./session.js";

export interface RunContext {
  readonly macros: MacroLoad;
  /** Spread into runSearch options. */
  readonly exec: { lookups: LookupStore; writeLookup: LookupWriter; geoip?: GeoIpDatabase };
  readonly store: EventStore;
}

export function prepareRun(opts: CommonOptions, io: Io): RunContext | null {
  const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  const lookups = lookupOptions(opts.lookups, io.err, { followSymlinks: opts.followSymlinks === true });
  if (!lookups) return null;
  const geoip = geoipOptions(opts.geoip, io.err, opts.quiet);
  if (!geoip) return null;
  const loaded = loadEvents(opts, io);
  if (!loaded) return null;
  return { macros, exec: { ...lookups, ...geoip }, store: loaded.store };
}
