/**
 * `| fillnull [value=v] [f…]` after a pushed aggregate (commands/fillnull.ts), over its result
 * columns, in place (`SELECT * REPLACE`, so the presence query of optional-fields.ts still reads
 * an optional column under its key):
 * - without a field list, every field that has a value in some row gets v where it has none; a
 *   field null in every row does not exist and is left alone — a window over the rows
 *   (`max(…) OVER ()`) decides, as the in-memory step decides from its column;
 * - with a list (wildcards over the fields that exist), each field gets v where it is null, and a
 *   field that does not exist is created, last, with v in every row (optional-fields.ts refuses a
 *   listed optional field that is not last: its place would depend on whether it exists).
 * The filler is text; a number column that would take it sends the search back to memory (a
 * guard): it would hold numbers and text, which its column kind cannot carry. Multivalue columns
 * take `[v]` (one value reads as the plain text).
 */
import type { Command } from "../ast/commands.js";
import { expandFields } from "../commands/field-list.js";
import type { ResultQuery } from "./compile-eval-step.js";
import { guarded } from "./guard.js";
import { sqlString } from "./sql-text.js";
import type { SqlColumn } from "./types.js";

/** The columns after a fillnull, the query extended in place; null for any other command. */
export function fillnullStep(c: Command, columns: readonly SqlColumn[], q: ResultQuery, serial: () => number): readonly SqlColumn[] | null {
  if (c.kind !== "fillnull") return null;
  const shown = columns.filter((x) => !x.hidden);
  const all = c.fields.length === 0;
  const names = all ? shown.map((x) => x.name) : expandFields(c.fields, shown.map((x) => x.name), true);
  const v = sqlString(c.value);
  const replaced: string[] = [];
  const added: string[] = [];
  let out = [...columns];
  for (const name of names) {
    const col = shown.find((x) => x.name === name);
    if (!col) {
      const key = `fn${serial()}`;
      added.push(`${v} AS ${key}`);
      out.push({ name, key, kind: "string" });
      continue;
    }
    // A column with a fallback (convert ctime's text, eval's stored decimal text) is null only where both are.
    const has = col.kind === "values" || col.kind === "set" ? `notEmpty(${col.key})` : col.fallback !== undefined ? `(isNotNull(${col.key}) OR isNotNull(${col.fallback}))` : `isNotNull(${col.key})`;
    const isNull = col.kind === "values" || col.kind === "set" ? `empty(${col.key})` : col.fallback !== undefined ? `(isNull(${col.key}) AND isNull(${col.fallback}))` : `isNull(${col.key})`;
    // Without a list only a field with a value somewhere is filled; with one, always.
    const applies = all ? `(max(${has}) OVER () = 1)` : "1";
    const filled =
      col.kind === "string" ? (col.fallback !== undefined ? `if(${isNull}, ${v}, ${col.key})` : `ifNull(${col.key}, ${v})`)
        : col.kind === "values" || col.kind === "set" ? `if(empty(${col.key}), [${v}], ${col.key})`
          // A number column (and a row-order key, never null after the aggregate) keeps its values
          // unless one would take the filler: then the search runs in memory.
          : guarded(`${isNull}`, col.key);
    replaced.push(`if(${applies}, ${filled}, ${col.key}) AS ${col.key}`);
    // A listed field exists from now on, whether it did before or not.
    if (!all && col.optional) out = out.map((x) => (x === col ? { ...col, optional: false } : x));
  }
  q.replace(replaced);
  for (const item of added) q.addOver(item);
  return out;
}
