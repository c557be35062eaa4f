/** Fills `$field$` placeholders of a detection message from a result row (missing → empty). */
import type { Value } from "../values/value.js";
import { toText } from "../values/value.js";

export function fillMessage(template: string, row: Readonly<Record<string, Value>>): string {
  return template.replace(/\$([^$\s]+)\$/g, (_, name: string) => {
    const v = row[name] ?? null;
    if (v === null) return "";
    return Array.isArray(v) ? v.map((x) => toText(x)).join(", ") : (toText(v as string | number) ?? "");
  });
}
