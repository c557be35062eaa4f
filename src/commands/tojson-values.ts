/**
 * The datatype rules of `tojson` (tojson reference, Usage, "datatype functions"): how one field
 * value becomes a JSON value under auto, bool, json, none, num or str. `undefined` means the value
 * is skipped (invalid for the type); tojson then leaves it out, or writes null with fill_null=true.
 */
import type { JsonType } from "../ast/commands-extra.js";
import { parseNumber, type Atom } from "../values/value.js";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const TRUE = new Set(["true", "t", "yes", "y", "1"]);
const FALSE = new Set(["false", "f", "no", "n", "0"]);

/** One scalar under a datatype, or undefined when the type skips it. */
export function jsonAtom(v: Atom, type: JsonType): Json | undefined {
  switch (type) {
    case "none":
      // "Outputs all values for the specified field in the JSON type. Does not apply string validation."
      return v;
    case "str":
      return typeof v === "number" ? String(v) : v;
    case "num": {
      if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
      const n = parseNumber(v.trim());
      return Number.isNaN(n) ? undefined : n;
    }
    case "bool": {
      // A number is false when 0 and true otherwise; text is validated as a boolean word.
      if (typeof v === "number") return v !== 0;
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
      // Numbers become numbers, "true"/"false" booleans, "null" a JSON null, other text strings.
      if (typeof v === "number") return v;
      const n = parseNumber(v.trim());
      if (!Number.isNaN(n) && v.trim() !== "") return n;
      if (v === "true") return true;
      if (v === "false") return false;
      if (v === "null") return null;
      return v;
    }
  }
}
