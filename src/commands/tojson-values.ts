/**
 * The datatype rules of `tojson` (tojson reference, Usage, "datatype functions"): how one field
 * value becomes a JSON value under auto, bool, json, none, num or str. `undefined` means the value
 * is skipped (invalid for the type); tojson then leaves it out, or writes null with fill_null=true.
 */
import type { JsonType } from "../ast/commands-extra.js";
import { parseNumber, type Atom } from "../values/value.js";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// tojson Usage, bool: text is "false" only for false, f or no and "true" only for true, t or yes
// (case-insensitive); any other text is skipped.
const TRUE = new Set(["true", "t", "yes"]);
const FALSE = new Set(["false", "f", "no"]);

/** A purely numeric text as a number, else undefined: Splunk hands tojson every value as text. */
function numericText(v: string): number | undefined {
  const t = v.trim();
  if (t === "") return undefined;
  const n = parseNumber(t);
  return Number.isNaN(n) ? undefined : n;
}

/** Text that is a JSON object or array, parsed; undefined for anything else. */
function nestedJson(v: string): Json | undefined {
  const t = v.trim();
  if (!t.startsWith("{") && !t.startsWith("[")) return undefined;
  try {
    return JSON.parse(t) as Json;
  } catch {
    return undefined;
  }
}

/** One scalar under a datatype, or undefined when the type skips it. */
export function jsonAtom(v: Atom, type: JsonType): Json | undefined {
  switch (type) {
    case "none":
      // "The none datatype function applies the numeric datatype to field values that are purely
      // numeric, and applies the string datatype to all other field values."
      if (typeof v === "number") return v;
      return numericText(v) ?? v;
    case "str":
      return typeof v === "number" ? String(v) : v;
    case "num": {
      if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
      const n = parseNumber(v.trim());
      return Number.isNaN(n) ? undefined : n;
    }
    case "bool": {
      // A number is false only when 0 (the page's "Otherwise tojson outputs false" is a typo for
      // true); text is validated as a boolean word.
      if (typeof v === "number") return v !== 0;
      const asNum = numericText(v);
      if (asNum !== undefined) return asNum !== 0;
      const t = v.trim().toLowerCase();
      return TRUE.has(t) ? true : FALSE.has(t) ? false : undefined;
    }
    case "json": {
      if (typeof v === "number") return v;
      try {
        return JSON.parse(v) as Json;
      } catch {
        return undefined;
      }
    }
    case "auto": {
      // Numbers become numbers, "true"/"false" booleans, "null" a JSON null; other text that is
      // proper JSON becomes a nested JSON object, the rest stays a string.
      if (typeof v === "number") return v;
      const n = numericText(v);
      if (n !== undefined) return n;
      if (v === "true") return true;
      if (v === "false") return false;
      if (v === "null") return null;
      return nestedJson(v) ?? v;
    }
  }
}
