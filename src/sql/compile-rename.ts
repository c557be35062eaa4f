/**
 * A `rename` right after a pushed prefix becomes the names of its result columns (the SQL's
 * aliases), so a tstats followed by ESCU's `drop_dm_object_name` (`rename "Processes.*" AS *`)
 * is one pushed prefix. Which column ends up under which name (wildcards, a rename onto an
 * existing field replacing it, a missing field emptying its target) is decided by the in-memory
 * rename step itself (commands/rename.ts), run over a one-row table whose cells name the column
 * they came from: rename moves cells between names and never looks at them, so the mapping it
 * produces there is the mapping it would apply to the real rows.
 */
import type { RenameCommand } from "../ast/commands.js";
import { rename } from "../commands/rename.js";
import type { ExecContext } from "../commands/types.js";
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import type { SqlColumn } from "./types.js";
import { NULL_KEY } from "./sql-text.js";

export function renameColumns(columns: readonly SqlColumn[], cmd: RenameCommand): SqlColumn[] {
  const shown = columns.filter((c) => !c.hidden);
  const cells = new Map<string, Value[]>(shown.map((c, i) => [c.name, [i]]));
  const input = Table.fromColumns(shown.map((c) => c.name), cells, 1);
  // rename's step reads nothing of the context (no store, no functions).
  const output = rename.plan(cmd)(input, undefined as unknown as ExecContext);
  const renamed = output.fields.map((name): SqlColumn => {
    const from = output.get(name, 0);
    if (typeof from !== "number") return { name, key: NULL_KEY, kind: "string" };
    const c = shown[from] as SqlColumn;
    const { sort: _sort, ...rest } = c;
    return { ...rest, name };
  });
  // The row order is the BY keys', whatever they are called now: keep them as hidden columns.
  const order = columns.filter((c) => c.sort !== undefined).map((c) => ({ ...c, name: `${c.key}__order`, hidden: true }));
  return [...renamed, ...order];
}
