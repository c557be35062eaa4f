/**
 * Calculated-field and constraint building blocks shared by the non-Endpoint CIM models, each a
 * transcription of an eval pattern that recurs in the Splunk_SA_CIM datamodel JSON (sources are
 * cited in each model file): `if(isnum(X),X,0)`, the bytes/packets triangle, `mvcount` counts,
 * the `^.*@(?<d>.+)$` domain rex, the `-`-aware fills of Web, and the search-semantics tests
 * (case-insensitive values, any value of a multivalue field) that child constraints need.
 */
import type { DmField, EventAccessor } from "./types.js";
import { formatNumber, parseNumber } from "../values/value.js";

type Calc = NonNullable<DmField["calc"]>;
type CalcValue = ReturnType<Calc>;

/** Splunk's `isnum()` on an extracted value: numeric-looking strings count (auto-typing). */
export function isNum(v: string | null): v is string {
  return v !== null && !Number.isNaN(parseNumber(v));
}

/** The event's value(s) of a field as a calc result: null, one string, or all values. */
export function rawValue(ev: EventAccessor, name: string): CalcValue {
  const all = ev.all(name);
  if (all.length === 0) return null;
  return all.length === 1 ? (all[0] as string) : all;
}

/** `if(isnull(X) OR X="","unknown",X)` for a multivalue field: keeps every value. */
export function filledMulti(name: string): DmField {
  return {
    name,
    type: "string",
    multi: true,
    calc: (ev) => {
      const vals = ev.all(name).filter((v) => v !== "");
      if (vals.length === 0) return "unknown";
      return vals.length === 1 ? (vals[0] as string) : vals;
    },
  };
}

/** Web's fill: `if(isnull(X) OR X="" OR X="-","unknown",X)` (proxies log `-` for "none"). */
export function dashFill(ev: EventAccessor, name: string): string {
  const v = ev.get(name);
  return v === null || v === "" || v === "-" ? "unknown" : v;
}

export function dashFilled(name: string): DmField {
  return { name, type: "string", calc: (ev) => dashFill(ev, name) };
}

/** `if(isnull(X) OR X="",<fallback field>,X)`, e.g. Authentication's app ← sourcetype. */
export function filledFrom(name: string, fallback: string): DmField {
  return {
    name,
    type: "string",
    calc: (ev) => {
      const v = ev.get(name);
      return v === null || v === "" ? ev.get(fallback) : v;
    },
  };
}

/** The first of `names` that is set and not empty, else `otherwise` (nested `if(isnotnull(X) AND X!="",X,…)`). */
export function firstSet(ev: EventAccessor, names: readonly string[], otherwise: string): string {
  for (const name of names) {
    const v = ev.get(name);
    if (v !== null && v !== "") return v;
  }
  return otherwise;
}

/** `if(isnum(X),X,0)`: ports that are missing or not numeric become 0. */
export function numOrZero(name: string): DmField {
  return { name, type: "number", calc: (ev) => (isNum(ev.get(name)) ? ev.get(name) : "0") };
}

/** `case(isnum(total),total,isnum(a) AND isnum(b),a+b,1=1,null())` (bytes, packets). */
export function sumOf(total: string, a: string, b: string): DmField {
  return {
    name: total,
    type: "number",
    calc: (ev) => {
      const t = ev.get(total);
      if (isNum(t)) return t;
      const x = ev.get(a);
      const y = ev.get(b);
      return isNum(x) && isNum(y) ? formatNumber(parseNumber(x) + parseNumber(y)) : null;
    },
  };
}

/** `case(isnum(part),part,isnum(total) AND isnum(other),total-other,1=1,null())` (bytes_in, …). */
export function diffOf(part: string, total: string, other: string): DmField {
  return {
    name: part,
    type: "number",
    calc: (ev) => {
      const p = ev.get(part);
      if (isNum(p)) return p;
      const t = ev.get(total);
      const o = ev.get(other);
      return isNum(t) && isNum(o) ? formatNumber(parseNumber(t) - parseNumber(o)) : null;
    },
  };
}

/** The three fields of a total/in/out triangle, in the models' calculation order. */
export function triangle(total: string, inName: string, outName: string): DmField[] {
  return [sumOf(total, inName, outName), diffOf(inName, total, outName), diffOf(outName, total, inName)];
}

/**
 * `case(isnum(X),X,isnotnull(list),mvcount(list),1=1,1)`. The list was filled with `unknown`
 * by an earlier calculation, so it is never null: the count is its number of non-empty values, min 1.
 */
export function countOf(name: string, list: string): DmField {
  return {
    name,
    type: "number",
    calc: (ev) => {
      const v = ev.get(name);
      if (isNum(v)) return v;
      return String(Math.max(1, ev.all(list).filter((x) => x !== "").length));
    },
  };
}

/**
 * The Rex calculation `^.*@(?<name>.+)$` over a field (email domains). Like `rex`, a value that
 * does not match leaves the event's own `name` as it was; on a multivalue input only the first
 * value is read (UNVERIFIED).
 */
export function domainOf(name: string, from: (ev: EventAccessor) => string | null): DmField {
  return {
    name,
    type: "string",
    calc: (ev) => {
      const v = from(ev);
      return (v === null ? undefined : /^.*@(.+)$/s.exec(v)?.[1]) ?? ev.get(name);
    },
  };
}

/** `len(X)` of a calculated value. */
export function lengthOf(name: string, of: (ev: EventAccessor) => string | null): DmField {
  return { name, type: "number", calc: (ev) => { const v = of(ev); return v === null ? null : String([...v].length); } };
}

/** `if(isnotnull(X) AND X!="",lower(X),null())` for multivalue identifiers (cve, mskb, …). */
export function loweredMulti(name: string): DmField {
  return {
    name,
    type: "string",
    multi: true,
    calc: (ev) => {
      const vals = ev.all(name).filter((v) => v !== "").map((v) => v.toLowerCase());
      if (vals.length === 0) return null;
      return vals.length === 1 ? (vals[0] as string) : vals;
    },
  };
}

/** ES asset/identity enrichment fields (`<p>_bunit`, `<p>_category` (multi), `<p>_priority`): passed as is. */
export function enrichment(...prefixes: string[]): DmField[] {
  return prefixes.flatMap((p): DmField[] => [
    { name: `${p}_bunit`, type: "string" },
    { name: `${p}_category`, type: "string", multi: true },
    { name: `${p}_priority`, type: "string" },
  ]);
}

/** Search-semantics `field=value`: any value of the field, case-insensitively. */
export function valueIs(ev: EventAccessor, name: string, ...values: string[]): boolean {
  const want = values.map((v) => v.toLowerCase());
  return ev.all(name).some((v) => want.includes(v.toLowerCase()));
}

/** `tag=<t>` (tags compare case-insensitively like other search values). */
export function hasTag(ev: EventAccessor, ...tags: string[]): boolean {
  return valueIs(ev, "tag", ...tags);
}

/**
 * A field defined on a child dataset. Splunk addresses it with the child's lineage below the root
 * (`All_Certificates.SSL.ssl_issuer`, `All_Changes.Instance_Changes.image_id` in ESCU) and also
 * exposes it when the root is searched, null for events outside the child. minispl's view only
 * shows lineage fields and tstats strips just the root prefix, so the field is declared on the
 * root under the name `SSL.ssl_issuer`, computed only for events that pass `isMember` (the child's
 * own tags/constraints; the root's already hold for every row of the view).
 */
export function childField(path: string, field: DmField, isMember: (ev: EventAccessor) => boolean): DmField {
  const inner: Calc = field.calc ?? ((ev) => rawValue(ev, field.name));
  return { ...field, name: `${path}.${field.name}`, calc: (ev) => (isMember(ev) ? inner(ev) : null) };
}
