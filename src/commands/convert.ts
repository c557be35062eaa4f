/**
 * `convert [timeformat=<fmt>] fn(field) [AS name]...`: ctime renders epoch seconds with the time
 * format (default `%m/%d/%Y %H:%M:%S`), in UTC unless `--tz` says otherwise (spl-semantics.md §3);
 * mktime parses back; the other functions normalise numbers. A value that does not convert is
 * left as it was, except under num(), which removes it. Without AS the field is replaced;
 * `ctime(*Time)` takes wildcards, and none(f) keeps f out of them.
 * auto() and num() read a plain number or a `[D+]HH:MM:SS` duration (as seconds): the page's
 * extended example 3 converts "a string field time_elapsed that contains times in the format
 * HH:MM:SS into a number" with num(). auto() converts a field only when every value converts:
 * "if not all values of a particular field can be converted using a known conversion type, the
 * field is left untouched and no conversion at all is done for that field" (convert reference).
 */
import type { ConvertCommand, ConvertFn } from "../ast/commands.js";
import { diag } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { fieldPattern } from "../executor/wildcard.js";
import { isValidEpoch, strftime, strptime } from "../values/time-format.js";
import { parseNumber, type Atom, type Value } from "../values/value.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef, ExecContext } from "./types.js";

const FNS: readonly ConvertFn[] = ["ctime", "mktime", "num", "auto", "dur2sec", "rmcomma", "rmunit", "none", "memk", "mstime"];
export const DEFAULT_TIMEFORMAT = "%m/%d/%Y %H:%M:%S";

export const convert: CommandDef<"convert"> = {
  kind: "convert",
  summary: "Converts field values: epoch ↔ time strings (ctime/mktime) and number clean-ups.",
  usage: 'convert [timeformat="<format>"] <fn>(<field>) [AS <name>]...',
  examples: ['| makeresults | eval t=1602155026.615 | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(t)'],
  options: {
    timeformat: { query: "| makeresults | eval t=1602155026 | convert timeformat=\"%Y\" ctime(t)", baseline: "| makeresults | eval t=1602155026 | convert ctime(t)" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["timeformat"], ctx);
    const tf = opts.get("timeformat");
    const timeformat = (tf ? textOf(tf.value, node, ctx, "a time format") : null) ?? DEFAULT_TIMEFORMAT;
    const conversions: { fn: ConvertFn; field: string; as?: string }[] = [];
    for (const p of argsOf(node, "positional")) {
      const v = p.value;
      if (v.kind !== "call") {
        ctx.report(diag("bad-argument", { command: "convert", message: "expected a conversion such as ctime(<field>)" }, v.span));
        continue;
      }
      const fn = v.name.toLowerCase() as ConvertFn;
      if (!FNS.includes(fn)) {
        ctx.report(diag("bad-argument", { command: "convert", message: `unknown conversion "${v.name}"` }, v.span, { hints: didYouMean(v.name, FNS) }));
        continue;
      }
      for (const a of v.args) {
        const field = textOf(a, node, ctx, "a field name");
        if (field !== null) conversions.push({ fn, field, ...(p.alias ? { as: p.alias.name } : {}) });
      }
    }
    return { kind: "convert", timeformat, conversions, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      let t = input;
      // none(): "In the presence of other wildcards, indicates that the matching fields should not
      // be converted" (convert reference) - wherever it stands in the command.
      const keep = cmd.conversions.filter((c) => c.fn === "none").map((c) => fieldPattern(c.field));
      for (const c of cmd.conversions) {
        if (c.fn === "none") continue;
        const fields = c.field.includes("*") ? t.fields.filter((f) => fieldPattern(c.field).test(f) && !keep.some((k) => k.test(f))) : [c.field];
        for (const f of fields) {
          const col = t.column(f);
          if (!col) continue;
          if (c.fn === "auto" && !col.every(allConvert)) continue;
          const out = col.map((v) => mapValue(v, (a) => convertAtom(c.fn, a, cmd.timeformat, ctx)));
          t = t.withColumn(c.as ?? f, out);
        }
      }
      return t;
    };
  },
};

/** Converts each value; a value num() cannot convert is removed (null). */
function mapValue(v: Value, fn: (a: Atom) => Atom | null): Value {
  if (v === null) return null;
  if (!Array.isArray(v)) return fn(v as Atom);
  const out = v.map(fn).filter((a): a is Atom => a !== null);
  return out.length === 0 ? null : out.length === 1 ? (out[0] as Atom) : out;
}

/** True when auto() can convert every value of a result's field (a missing value is no obstacle). */
function allConvert(v: Value): boolean {
  if (v === null) return true;
  return (Array.isArray(v) ? v : [v as Atom]).every((a) => autoNumber(a) !== null);
}

/** auto()/num(): a number, or a `[D+]HH:MM:SS` duration in seconds; null when neither. */
function autoNumber(a: Atom): number | null {
  const n = typeof a === "number" ? a : parseNumber(a);
  return Number.isNaN(n) ? dur2sec(String(a)) : n;
}

function convertAtom(fn: ConvertFn, a: Atom, fmt: string, ctx: ExecContext): Atom | null {
  const n = typeof a === "number" ? a : parseNumber(a);
  switch (fn) {
    case "ctime": return isValidEpoch(n) ? strftime(n, fmt, ctx.fn.tz) : a;
    case "mktime": return strptime(String(a), fmt, ctx.fn.tz) ?? a;
    // num(): "Like auto(), except non-convertible values are removed" (convert reference).
    case "num": return autoNumber(a);
    case "auto": return autoNumber(a) ?? a;
    case "rmcomma": { const x = parseNumber(String(a).replace(/,/g, "")); return Number.isNaN(x) ? a : x; }
    case "rmunit": { const m = /^\s*([+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(String(a)); return m ? Number(m[1]) : a; }
    case "dur2sec": return dur2sec(String(a)) ?? a;
    case "mstime": return mstime(String(a)) ?? a;
    case "memk": return memk(String(a)) ?? a;
    case "none": return a;
  }
}

function dur2sec(s: string): number | null {
  const m = /^(?:(\d+)\+)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(s.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

function mstime(s: string): number | null {
  const m = /^(?:(\d+):)?(\d+(?:\.\d+)?)$/.exec(s.trim());
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : null;
}

function memk(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([kmg])?$/i.exec(s.trim());
  if (!m) return null;
  const mult = { k: 1, m: 1024, g: 1024 * 1024 }[(m[2] ?? "k").toLowerCase() as "k" | "m" | "g"];
  return Number(m[1]) * mult;
}

