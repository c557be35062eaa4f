/**
 * Loads the lookup tables a pushed `| lookup` reads (sql/compile-lookup-step.ts): one ClickHouse
 * table per lookup table content, `lk_<hash>` (the hash of its fields and rows, so a table that
 * outputlookup changed is a new table and a query never reads a half-replaced one), with `_row`
 * (the CSV row number: matches are in file order) and per CSV field j four Nullable(String)
 * columns (lookupColumns): the cell, its JavaScript lower case, and for a cell with `*` its LIKE
 * pattern folded (ASCII lower case) and as written, `%`/`_`/`\` escaped. Empty cells are NULL.
 * The folding is JavaScript's, done here, so SQL only compares bytes (sql/fold.ts).
 * A table is loaded once per connection (the catalog records it; on a server it outlives the process).
 */
import type { LookupStore } from "../../lookups/store.js";
import { lookupCellForms, lookupColumns, lookupTableName } from "../../sql/compile-lookup-step.js";
import type { TableNeed } from "../../sql/types.js";
import { BATCH_ROWS, type LoadTarget } from "./load-target.js";

type LookupNeed = Extract<TableNeed, { kind: "lookup" }>;

export class LookupTables {
  /** Loads run one after another: two queries must not load the same table at once. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly target: LoadTarget) {}

  /** Makes every lookup table `needs` lists exist, its rows read from `lookups`. */
  prepare(needs: readonly TableNeed[], lookups: LookupStore | undefined): Promise<void> {
    const wanted = needs.filter((n): n is LookupNeed => n.kind === "lookup");
    if (wanted.length === 0) return Promise.resolve();
    const run = this.queue.then(async () => {
      for (const need of wanted) await this.ensure(need, lookups);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async ensure(need: LookupNeed, lookups: LookupStore | undefined): Promise<void> {
    const table = lookups?.resolve(need.name).table ?? null;
    // The name is the content's hash: another content (the store changed since the search was compiled) is refused.
    if (!table || lookupTableName(table) !== need.table) throw new Error(`the lookup ${need.name} changed or is not available since the search was compiled`);
    const { catalog } = this.target;
    if ((await catalog.get(need.table))?.store === need.table) return;
    await catalog.forget(need.table);
    await this.target.exec(`DROP TABLE IF EXISTS ${need.table}`);
    const names = table.fields.flatMap((_, j) => {
      const c = lookupColumns(j);
      return [c.cell, c.lower, c.likeFolded, c.like];
    });
    await this.target.exec(`CREATE TABLE ${need.table} (_row UInt32, ${names.map((n) => `${n} Nullable(String)`).join(", ")}) ENGINE = ${this.target.engine}`);
    for (let from = 0; from < table.rows.length; from += BATCH_ROWS) {
      const rows = table.rows.slice(from, from + BATCH_ROWS).map((r, i) => [from + i, ...table.fields.flatMap((_, j) => lookupCellForms(r[j] ?? null))]);
      await this.target.insert(need.table, ["_row", ...names], rows);
    }
    await catalog.set(need.table, need.table, table.fields, table.rows.length);
  }
}
