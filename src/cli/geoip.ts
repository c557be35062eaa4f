/**
 * File IO for `--geoip <file.mmdb>`: reads a MaxMind DB file (MaxMind DB File Format Specification
 * v2.0, e.g. GeoLite2-City.mmdb) and opens it for `iplocation`. The file is read once, whole: the
 * reader works on the bytes and a City database is tens of MB, which a search run can hold.
 */
import { readFileSync } from "node:fs";
import { MmdbError, openGeoIpDatabase, type GeoIpDatabase } from "../index.js";

/**
 * What search, detect and check pass to runSearch: `{}` without --geoip, `{ geoip }` with it; null,
 * after an error line saying why, when the file cannot be read or is not a MaxMind DB.
 */
export function geoipOptions(path: string | undefined, err: (s: string) => void, quiet = false): { geoip?: GeoIpDatabase } | null {
  if (path === undefined) return {};
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a .mmdb file" : code === "EACCES" ? "permission denied" : (e as Error).message;
    err(`error: --geoip ${path}: ${why}\n`);
    return null;
  }
  try {
    const geoip = openGeoIpDatabase(bytes);
    if (!quiet) err(`loaded GeoIP database ${geoip.description} from ${path}\n`);
    return { geoip };
  } catch (e) {
    if (!(e instanceof MmdbError)) throw e;
    err(`error: --geoip ${path}: cannot be used as a GeoIP database: ${e.message}\n`);
    return null;
  }
}
