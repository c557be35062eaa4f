/**
 * What search and detect load before they run: macros (warnings for unreadable definitions),
 * lookups, the GeoIP database and the events. Null (after saying why on stderr) when an input
 * cannot be read, which the commands turn into exit 3.
 */
import { memoryCsvFolder, type CsvFolder, type Detection, type EventStore, type GeoIpDatabase, type LookupStore, type LookupWriter, type SavedSearches } from "../index.js";
import { diskCsvFolder, isCsvDir } from "./csv-dir.js";
import { cliSavedSearches } from "./saved-searches.js";
import { geoipOptions } from "./geoip.js";
import { loadMacros, type MacroLoad } from "./load-files.js";
import { lookupOptions } from "./lookups.js";
import type { CommonOptions } from "./options.js";
import { loadEvents, type Io } from "./session.js";

export interface RunContext {
  readonly macros: MacroLoad;
  /** Spread into runSearch options. */
  readonly exec: { lookups: LookupStore; writeLookup: LookupWriter; geoip?: GeoIpDatabase; savedSearches: SavedSearches; csv?: CsvFolder };
  readonly store: EventStore;
}

/** `detections`: the ones the command loaded itself (detect's, hunt's), also found by `| savedsearch`. */
export function prepareRun(opts: CommonOptions, io: Io, detections: readonly Detection[] = []): RunContext | null {
  const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  const lookups = lookupOptions(opts.lookups, io.err, { followSymlinks: opts.followSymlinks === true });
  if (!lookups) return null;
  const geoip = geoipOptions(opts.geoip, io.err, opts.quiet);
  if (!geoip) return null;
  if (opts.csvDir !== undefined && !isCsvDir(opts.csvDir)) {
    io.err(`error: --csv-dir ${opts.csvDir}: no such folder\n`);
    return null;
  }
  const loaded = loadEvents(opts, io);
  if (!loaded) return null;
  const savedSearches = cliSavedSearches(detections, opts.detections ?? [], macros.table, { followSymlinks: opts.followSymlinks === true });
  // Without --csv-dir, one folder in memory for the whole command: detect's and hunt's searches share it.
  const csv = opts.csvDir !== undefined ? diskCsvFolder(opts.csvDir) : memoryCsvFolder();
  return { macros, exec: { ...lookups, ...geoip, savedSearches, csv }, store: loaded.store };
}
