/**
 * `convert [timeformat=…] ctime(field)` right after a pushed tstats (ESCU's
 * `security_content_ctime`) as SQL over the tstats result, with commands/convert.ts's semantics:
 * a value that is a valid epoch (values/time-format.ts isValidEpoch) becomes strftime's text, any
 * other value stays as it was (the column's `fallback`). The date is computed with integer
 * arithmetic (days from civil, H. Hinnant's algorithm: the proleptic Gregorian calendar of
 * JavaScript's Date, which luxon uses, over the whole ±8.64e12 s range, where ClickHouse's
 * DateTime64 stops at 1900–2299), from the seconds strftime uses: Math.round(t × 1e6) µs, floored
 * to seconds. Only UTC, and only the formats made of %Y %m %d %H %M %S %% and literal text;
 * anything else throws NotPushable. Which columns a conversion touches (wildcards, none(), AS)
 * is decided as convert decides it, over the current column names.
 */
import type { ConvertCommand } from "../ast/commands.js";
import { fieldPattern } from "../executor/wildcard.js";
import { NotPushable } from "./compile-where.js";
import { sqlString } from "./sql-text.js";
import type { SqlColumn } from "./types.js";

/** What a convert adds to the query: SELECT items, and the columns after it. */
export interface ConvertResult {
  readonly select: readonly string[];
  readonly columns: SqlColumn[];
}

/** `numbers`: columns known to hold one finite number or null per row (CompiledTstats.numbers). */
export function convertColumns(columns: readonly SqlColumn[], cmd: ConvertCommand, tz: string, numbers: ReadonlyMap<string, string>, serial: () => number): ConvertResult {
  if (tz !== "" && tz.toUpperCase() !== "UTC") throw new NotPushable(`convert ctime in time zone ${tz}`);
  const out = [...columns];
  const select: string[] = [];
  const keep = cmd.conversions.filter((c) => c.fn === "none").map((c) => fieldPattern(c.field));
  for (const c of cmd.conversions) {
    if (c.fn === "none") continue;
    if (c.fn !== "ctime") throw new NotPushable(`convert ${c.fn}()`);
    const shown = out.filter((col) => !col.hidden).map((col) => col.name);
    const fields = c.field.includes("*") ? shown.filter((f) => fieldPattern(c.field).test(f) && !keep.some((k) => k.test(f))) : [c.field];
    for (const f of fields) {
      const at = out.findIndex((col) => col.name === f && !col.hidden);
      if (at < 0) continue; // convert skips a field the results do not have
      const src = out[at] as SqlColumn;
      const x = numbers.get(src.key);
      if (x === undefined || src.kind !== "number" || src.fallback !== undefined) throw new NotPushable(`convert ctime(${f}) of a column that is not a time`);
      const key = `cv${serial()}`;
      select.push(`${ctime(x, cmd.timeformat)} AS ${key}`);
      const col: SqlColumn = { name: c.as ?? f, key, kind: "string", fallback: src.key };
      // Table.withColumn: a name it has is replaced in place, a new one goes last.
      const target = out.findIndex((o) => o.name === col.name && !o.hidden);
      if (target >= 0) out[target] = col;
      else out.push(col);
    }
  }
  return { select, columns: out };
}

const SPECS = new Set(["Y", "m", "d", "H", "M", "S"]);

/** `body` with `name` bound to `value` (ClickHouse has no LET: a lambda over a one-element array). */
const bind = (name: string, value: string, body: string) => `arrayMap(${name} -> ${body}, [${value}])[1]`;

/** strftime(x, format, "UTC") as SQL, NULL where x is null or not a valid epoch. */
function ctime(x: string, format: string): string {
  // convert's tokenizer (time-format.ts tokenize): `%<width><:><letter>`, `%%`; the rest is literal.
  const parts: string[] = [];
  const re = /%(\d*)(:?)([A-Za-z%+])/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m.index > last) parts.push(sqlString(format.slice(last, m.index)));
    last = re.lastIndex;
    const [, width = "", colon = "", spec = ""] = m;
    if (spec === "%") parts.push(sqlString("%"));
    else if (width === "" && colon === "" && SPECS.has(spec)) parts.push(FIELD[spec as keyof typeof FIELD]);
    else throw new NotPushable(`convert timeformat %${width}${colon}${spec}`);
  }
  if (last < format.length) parts.push(sqlString(format.slice(last)));
  const text = parts.length === 0 ? "''" : parts.length === 1 ? `toString(${parts[0]})` : `concat(${parts.join(", ")})`;
  const valid = "isFinite(x) AND abs(x) < 8.64e12";
  // The seconds strftime formats: Math.round(x·1e6) µs (ties up; past 2^52, x·1e6 is whole), floored.
  const micros = "if(abs(x * 1e6) >= 4503599627370496, x * 1e6, floor(x * 1e6 + 0.5))";
  const secs = `toInt64(if(${valid}, floor(${micros} / 1e6), 0))`;
  // Days from civil inverted (Hinnant), with C's truncating division as the algorithm assumes.
  const date =
    bind("z", "intDiv(s - positiveModulo(s, 86400), 86400) + 719468",
      bind("era", "intDiv(if(z >= 0, z, z - 146096), 146097)",
        bind("doe", "z - era * 146097",
          bind("yoe", "intDiv(doe - intDiv(doe, 1460) + intDiv(doe, 36524) - intDiv(doe, 146096), 365)",
            bind("doy", "doe - (365 * yoe + intDiv(yoe, 4) - intDiv(yoe, 100))",
              bind("mp", "intDiv(5 * doy + 2, 153)",
                bind("mon", "if(mp < 10, mp + 3, mp - 9)", text)))))));
  return bind("x", x, `if(${valid}, ${bind("s", secs, date)}, NULL)`);
}

const two = (e: string) => `leftPad(toString(${e}), 2, '0')`;

/** Each format variable from the bound parts (s: seconds, mon, doy, mp, yoe, era). */
const FIELD = {
  Y: "toString(yoe + era * 400 + if(mon <= 2, 1, 0))",
  m: two("mon"),
  d: two("doy - intDiv(153 * mp + 2, 5) + 1"),
  H: two("intDiv(positiveModulo(s, 86400), 3600)"),
  M: two("intDiv(positiveModulo(s, 3600), 60)"),
  S: two("positiveModulo(s, 60)"),
};
