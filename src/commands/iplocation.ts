/**
 * `iplocation [prefix=<s>] [allfields=<bool>] [lang=<code>] <ip-field>`: adds City, Country,
 * Region, lat, lon (allfields=true: also Continent, MetroCode, Timezone) from the GeoIP database
 * given as ExecuteOptions.geoip (the CLI's `--geoip <file.mmdb>`, a MaxMind DB per the MaxMind DB
 * File Format Specification v2.0; src/geoip). Splunk's reference: "For IP addresses which do not
 * have a location, such as internal addresses, no fields are added", and a found address "can have
 * empty field values" — so a row without a location keeps whatever those fields held, and a part
 * the record lacks is "". Without a database the command runs, adds nothing and warns once.
 */
import type { IplocationCommand } from "../ast/commands.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { MmdbError } from "../geoip/decoder.js";
import type { GeoIpDatabase, GeoLocation } from "../geoip/geo.js";
import type { Atom, Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef, ExecContext } from "./types.js";

type Output = readonly [field: string, part: keyof GeoLocation];

const DEFAULT_FIELDS: readonly Output[] = [["City", "city"], ["Country", "country"], ["Region", "region"], ["lat", "lat"], ["lon", "lon"]];
const ALL_FIELDS: readonly Output[] = [
  ["City", "city"], ["Continent", "continent"], ["Country", "country"], ["MetroCode", "metroCode"],
  ["Region", "region"], ["Timezone", "timezone"], ["lat", "lat"], ["lon", "lon"],
];

export const iplocation: CommandDef<"iplocation"> = {
  kind: "iplocation",
  summary: "Adds City, Country, Region, lat and lon for an IP address field from a GeoIP (.mmdb) database (--geoip).",
  usage: "iplocation [prefix=<string>] [allfields=<bool>] [lang=<code>] <ip-address-field>",
  examples: [
    '| makeresults | eval src="81.2.69.160" | iplocation src',
    '| makeresults | eval dest="2001:db8::1" | iplocation prefix=dest_ allfields=true lang=de dest',
  ],
  options: {
    prefix: { query: "| makeresults | eval src=\"81.2.69.160\" | iplocation prefix=s_ src", baseline: "| makeresults | eval src=\"81.2.69.160\" | iplocation src" },
    allfields: { query: "| makeresults | eval src=\"81.2.69.160\" | iplocation allfields=true src", baseline: "| makeresults | eval src=\"81.2.69.160\" | iplocation src" },
    lang: { query: "| makeresults | eval src=\"81.2.69.160\" | iplocation lang=es src", baseline: "| makeresults | eval src=\"81.2.69.160\" | iplocation src" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["prefix", "allfields", "lang"], ctx);
    const p = opts.get("prefix");
    const prefix = (p ? textOf(p.value, node, ctx, "a field-name prefix") : null) ?? "";
    const allfields = boolOption(opts.get("allfields"), node, ctx, false);
    const l = opts.get("lang");
    const lang = (l ? textOf(l.value, node, ctx, "a language code") : null) ?? "en";
    if (l && !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(lang)) {
      ctx.report(diag("bad-argument", { command: "iplocation", message: `lang must be a language code such as en, es or pt-BR, got "${lang}"` }, l.value.span));
    }
    const positionals = argsOf(node, "positional");
    const first = positionals[0];
    if (!first) {
      ctx.report(diag("bad-argument", { command: "iplocation", message: "needs the name of the field holding the IP address" }, node.span));
      return null;
    }
    for (const extra of positionals.slice(1)) {
      ctx.report(diag("bad-argument", { command: "iplocation", message: "takes one IP address field" }, extra.span));
    }
    if (first.alias) ctx.report(diag("bad-argument", { command: "iplocation", message: "does not take AS; use prefix= to name the output fields" }, first.alias.span));
    const field = textOf(first.value, node, ctx, "a field name");
    if (field === null) return null;
    return { kind: "iplocation", field, prefix, allfields, lang, span: node.span };
  },
  plan(cmd) {
    const outputs = cmd.allfields ? ALL_FIELDS : DEFAULT_FIELDS;
    return (input, ctx) => {
      const db = ctx.geoip;
      if (!db) {
        warnNoDatabase(ctx, cmd, outputs);
        return input;
      }
      const ips = input.column(cmd.field);
      if (!ips) return input;
      // Events repeat addresses; each distinct one is looked up once per run of the command.
      const cache = new Map<string, GeoLocation | null>();
      const locations = ips.map((v) => {
        const ip = firstValue(v);
        if (ip === null) return null;
        let loc = cache.get(ip);
        if (loc === undefined) {
          loc = locate(db, ip, cmd);
          cache.set(ip, loc);
        }
        return loc;
      });
      if (locations.every((l) => l === null)) return input;
      let t = input;
      for (const [field, part] of outputs) {
        const name = cmd.prefix + field;
        const old = t.column(name);
        t = t.withColumn(name, locations.map((l, i): Value => (l ? (l[part] ?? "") : (old?.[i] ?? null))));
      }
      return t;
    };
  },
};

/** The address in a field value: the first value of a multivalue field, without a /prefix (CIDR). */
function firstValue(v: Value): string | null {
  const a: Atom | undefined = v === null ? undefined : Array.isArray(v) ? (v as readonly Atom[])[0] : (v as Atom);
  if (a === undefined) return null;
  return String(a).trim().replace(/\/\d{1,3}$/, "");
}

function locate(db: GeoIpDatabase, ip: string, cmd: IplocationCommand): GeoLocation | null {
  try {
    return db.locate(ip, cmd.lang);
  } catch (e) {
    // A damaged database is an input error: stop with what was wrong rather than guess locations.
    if (e instanceof MmdbError) {
      throw new SplRuntimeError(diag("runtime-error", { message: `iplocation: the GeoIP database (${db.description}) is damaged: ${e.message}` }, cmd.span));
    }
    throw e;
  }
}

/** One warning per search, however many iplocation commands (or map iterations) run in it. */
const warned = new WeakSet<ExecContext>();

function warnNoDatabase(ctx: ExecContext, cmd: IplocationCommand, outputs: readonly Output[]): void {
  if (warned.has(ctx)) return;
  warned.add(ctx);
  const names = outputs.map(([f]) => cmd.prefix + f);
  const list = `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
  ctx.warn(diag("runtime-error", {
    message: `iplocation: no GeoIP database was given, so ${list} stay empty; pass --geoip <file.mmdb> (e.g. MaxMind's GeoLite2-City.mmdb)`,
  }, cmd.span, { severity: "warning" }));
}
