/**
 * contentctl's default for a detection's `…_filter` macro: `search *` when no macro file defines
 * it, so a detection's search pasted into the search bar runs as `detect` runs the detection
 * (`minispl explain` does the same for search text).
 */
import type { MacroTable } from "../index.js";

export function withDefaultFilters(text: string, table: MacroTable): MacroTable {
  const names = new Set(Array.from(text.matchAll(/`([A-Za-z0-9_]+_filter)`/g), (m) => m[1] as string));
  const missing = [...names].filter((n) => !table.has(n, 0));
  if (missing.length === 0) return table;
  return table.with(missing.map((name) => ({ name, args: [], definition: "search *", origin: "generated (contentctl default)" })));
}
