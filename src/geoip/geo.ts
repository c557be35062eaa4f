/**
 * What `iplocation` needs from a GeoIP database: a location for an IP address. Records are read
 * in the shape of MaxMind's GeoLite2-City / GeoIP2-City databases (a MaxMind DB per the MaxMind DB
 * File Format Specification v2.0, whose record structure the spec leaves to the creator, "database_type"):
 * `city.names`, `country.names`, `subdivisions[0].names`, `continent.names` (each a map of locale
 * code → name) and `location.{latitude, longitude, time_zone, metro_code}`. Country databases
 * simply have no city or region.
 */
import type { MmdbValue } from "./decoder.js";
import { parseIp } from "../values/ip.js";
import { MmdbReader } from "./reader.js";

/** One location. A part the record does not have is null. */
export interface GeoLocation {
  readonly city: string | null;
  readonly country: string | null;
  /** The first (largest) subdivision: a state, province or constituent country. */
  readonly region: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly continent: string | null;
  /** IANA time zone name. */
  readonly timezone: string | null;
  /** US metro (DMA) code. */
  readonly metroCode: number | null;
}

export interface GeoIpDatabase {
  /**
   * The location of an IP address with names in `lang` (default "en"; a name missing in that
   * language falls back to English). Null for text that is not an IP address and for addresses
   * the database has no record of. Throws an MmdbError when the record is damaged.
   */
  locate(ip: string, lang?: string): GeoLocation | null;
  /** For messages: the database type and build date, e.g. "GeoLite2-City built 2024-05-01". */
  readonly description: string;
}

/** Opens the bytes of a `.mmdb` file; throws an MmdbError saying what is wrong with it. */
export function openGeoIpDatabase(bytes: Uint8Array): GeoIpDatabase {
  return geoIpDatabase(new MmdbReader(bytes));
}

export function geoIpDatabase(reader: MmdbReader): GeoIpDatabase {
  const md = reader.metadata;
  const built = new Date(Number(md.buildEpoch) * 1000);
  const when = Number.isNaN(built.getTime()) ? "" : ` built ${built.toISOString().slice(0, 10)}`;
  return {
    description: `${md.databaseType}${when}`,
    locate(ip, lang = "en") {
      if (!parseIp(ip)) return null;
      const r = reader.lookup(ip);
      return r ? toLocation(r, lang) : null;
    },
  };
}

type Rec = Readonly<Record<string, unknown>>;

function toLocation(r: Rec, lang: string): GeoLocation {
  const loc = obj(r.location);
  const subdivisions = r.subdivisions;
  return {
    city: name(r.city, lang),
    country: name(r.country, lang),
    region: name(Array.isArray(subdivisions) ? (subdivisions as readonly MmdbValue[])[0] : undefined, lang),
    lat: num(loc?.latitude),
    lon: num(loc?.longitude),
    continent: name(r.continent, lang),
    timezone: typeof loc?.time_zone === "string" ? loc.time_zone : null,
    metroCode: num(loc?.metro_code),
  };
}

/** `names[lang]`, else a case-insensitive match (lang=pt-br for "pt-BR"), else English. */
function name(entity: unknown, lang: string): string | null {
  const names = obj(obj(entity)?.names);
  if (!names) return null;
  const exact = names[lang];
  if (typeof exact === "string") return exact;
  const lower = lang.toLowerCase();
  const other = Object.entries(names).find(([k, v]) => k.toLowerCase() === lower && typeof v === "string");
  if (other) return other[1] as string;
  const en = names.en;
  return typeof en === "string" ? en : null;
}

function obj(v: unknown): Rec | null {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) ? (v as Rec) : null;
}

function num(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return typeof v === "bigint" ? Number(v) : null;
}
