/** `minispl search <spl>`: runs one search over the loaded events. */
import { runSearch } from "../index.js";
import { EXIT } from "./exit-codes.js";
import { geoipOptions } from "./geoip.js";
import { loadMacros } from "./load-files.js";
import { lookupOptions } from "./lookups.js";
import type { CommonOptions } from "./options.js";
import { loadEvents, printDiagnostics, printTable, type Io } from "./session.js";

export function searchCommand(spl: string, opts: CommonOptions, io: Io): number {
  const macros = loadMacros(opts.macros);
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  const lookups = lookupOptions(opts.lookups, io.err);
  if (!lookups) return EXIT.input;
  const geoip = geoipOptions(opts.geoip, io.err, opts.quiet);
  if (!geoip) return EXIT.input;
  const loaded = loadEvents(opts, io);
  if (!loaded) return EXIT.input;
  const { store } = loaded;
  const result = runSearch(spl, store, { macros: macros.table, name: "query", tz: opts.tz, ...lookups, ...geoip, ...(opts.now !== undefined ? { now: opts.now } : {}) });
  printDiagnostics(result.diagnostics, result, io);
  if (!result.table) return EXIT.spl;
  printTable(result.table, opts.format, io);
  return EXIT.ok;
}
