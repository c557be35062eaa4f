/**
 * The calculated-field patterns the CIM datamodels repeat (cim-mapping.md §1.1, §1.2): the
 * `unknown` fill, the vendor_product case(), and the process-name fallback derived from a
 * command line. Field definitions build on these instead of repeating the logic.
 */
import type { DmField, EventAccessor } from "./types.js";

/** `if(isnull(X) OR X="","unknown",X)`. */
export function fillUnknown(ev: EventAccessor, name: string): string {
  const v = ev.get(name);
  return v === null || v === "" ? "unknown" : v;
}

/** A string field with the `unknown` fill. */
export function filled(name: string, summary?: string): DmField {
  return { name, type: "string", calc: (ev) => fillUnknown(ev, name), ...(summary ? { summary } : {}) };
}

/** A field passed through from the event as is. */
export function passed(name: string, type: DmField["type"] = "string", multi = false): DmField {
  return multi ? { name, type, multi } : { name, type };
}

/** `vendor_product` = case(vendor_product, vendor." ".product, vendor." unknown", "unknown ".product, sourcetype, "unknown"). */
export function vendorProduct(ev: EventAccessor): string {
  const vp = ev.get("vendor_product");
  if (vp !== null) return vp;
  const vendor = ev.get("vendor");
  const product = ev.get("product");
  const hasVendor = vendor !== null && vendor !== "unknown";
  const hasProduct = product !== null && product !== "unknown";
  if (hasVendor && hasProduct) return `${vendor} ${product}`;
  if (hasVendor) return `${vendor} unknown`;
  if (hasProduct) return `unknown ${product}`;
  return ev.get("sourcetype") ?? "unknown";
}

/** CIM 6.2+: the name inside a leading quoted path, after its last backslash. */
const QUOTED_NAME = /^\s*(?:"..*\\([^"]+)").*/;
/** CIM 6.2+: the last path segment of an unquoted first token (greedy; may overshoot). */
const BARE_NAME = /^(?:..*\\)?([^\s"]+)(?=\s|$).*/;

/**
 * `process_name` fallback from `process` (and `parent_process_name` from `parent_process`).
 * minispl uses the CIM 6.2+ regexes; which one CIM 5.3.2 (ESCU's pin) has is UNVERIFIED (§7).
 */
export function nameFromCommandLine(cmd: string | null): string | null {
  if (cmd === null || cmd === "") return null;
  return QUOTED_NAME.exec(cmd)?.[1] ?? BARE_NAME.exec(cmd)?.[1] ?? null;
}

/** A name field that falls back to a name derived from a command-line field, then `unknown`. */
export function derivedName(name: string, fromField: string): DmField {
  return {
    name,
    type: "string",
    calc: (ev) => {
      const v = ev.get(name);
      if (v !== null && v !== "") return v;
      return nameFromCommandLine(ev.get(fromField)) ?? "unknown";
    },
  };
}
