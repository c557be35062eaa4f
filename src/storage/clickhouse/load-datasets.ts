/**
 * Loads the `dm_<Model>_<Dataset>` tables a pushed query reads (sql/README.md "Tables") from an
 * EventStore. Values come from the in-memory dataset view (datamodels/scan-dataset.ts, so the CIM
 * calculated fields and `unknown` fills are exactly the memory engine's), with each non-ASCII
 * value's folded forms (sql/fold.ts) in the side columns that case-insensitive matching reads,
 * and each address-looking value's ipKey() in the one CIDR terms read.
 * A table is loaded once per store identity (store-identity.ts: per store version in process, an
 * index's manifest across processes) with the fields a query reads; a later query that
 * reads more fields of the same dataset sends only those and ClickHouse joins them on `_row`, so
 * tables never hold fields nobody asked for and no field crosses the connection twice.
 */
import { findModel } from "../../datamodels/registry.js";
import { scanDataset } from "../../datamodels/scan-dataset.js";
import { NULL_ID } from "../../store/column.js";
import type { EventStore } from "../../store/event-store.js";
import { foldedCell, type FoldedCell } from "../../sql/fold.js";
import { fieldColumns, SIDE_COLUMNS } from "../../sql/sql-text.js";
import type { TableNeed } from "../../sql/types.js";
import { EventTables } from "./load-events.js";
import { BATCH_ROWS, type LoadTarget } from "./load-target.js";
import { storeIdentity } from "./store-identity.js";
import { CATALOG_TABLE } from "./load-catalog.js";

/** Why a search over another index than the one a database was loaded from is refused. */
export const OTHER_INDEX =
  "this database holds the tables `minispl index … --out` loaded from another index, or from these files before they changed: run `minispl index <files> --out <this database>` to load these, or search another database";

export class DatasetLoader {
  /** Loads run one after another: two queries must not load the same table at once. */
  private queue: Promise<void> = Promise.resolve();

  /** The event search tables (load-events.ts), loaded in the same queue. */
  private readonly events: EventTables;

  constructor(private readonly target: LoadTarget) {
    this.events = new EventTables(target);
  }

  prepare(store: EventStore, needs: readonly TableNeed[]): Promise<void> {
    return this.queued(async () => {
      const ident = storeIdentity(store);
      // A database `minispl index … --out` loaded belongs to that index: another index (or the
      // same files changed since) must be loaded by running it again, never table by table behind
      // a search's back. A store known only to this process (a hunt's appended risk events) loads
      // what it reads, as on a database nobody loaded.
      const owner = await this.target.catalog.get(CATALOG_TABLE);
      if (owner && ident.stable && owner.store !== ident.id) throw new Error(OTHER_INDEX);
      for (const need of needs) {
        if (need.kind === "events") await this.events.ensure(store, need.fields);
        else if (need.kind === "dataset") await this.ensure(store, need);
      }
    });
  }

  /** Makes the database belong to `store` (an opened index): later searches over another index are refused. */
  claim(store: EventStore): Promise<void> {
    return this.queued(async () => {
      const ident = storeIdentity(store);
      if (!ident.stable) throw new Error("only an index can be loaded for good (this store has no identity another process would know)");
      if ((await this.target.catalog.get(CATALOG_TABLE))?.store !== ident.id) await this.target.catalog.set(CATALOG_TABLE, ident.id, [], 0);
    });
  }

  private queued(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async ensure(store: EventStore, need: Extract<TableNeed, { kind: "dataset" }>): Promise<void> {
    const { catalog } = this.target;
    const id = storeIdentity(store).id;
    const have = await catalog.get(need.table);
    const same = have !== undefined && have.store === id;
    const missing = need.fields.filter((f) => !same || !have.fields.has(f));
    if (same && missing.length === 0) return;
    await catalog.forget(need.table);
    if (same) {
      // Only the new fields cross the connection; ClickHouse joins them to the rows it holds.
      const rows = await widenDataset(this.target, store, need.dataset, need.table, missing);
      await catalog.set(need.table, id, [...have.fields, ...missing], rows);
    } else {
      const rows = await loadDataset(this.target, store, need.dataset, need.table, missing);
      await catalog.set(need.table, id, missing, rows);
    }
  }
}

/** (Re)creates `table` with the dataset's member rows, their times and `fields`. */
export function loadDataset(target: LoadTarget, store: EventStore, dataset: string, table: string, fields: readonly string[]): Promise<number> {
  return writeDataset(target, store, dataset, table, fields, true);
}

/** Adds `fields` to a loaded `table` (same store version): loaded beside it, then joined on `_row`. */
export async function widenDataset(target: LoadTarget, store: EventStore, dataset: string, table: string, fields: readonly string[]): Promise<number> {
  const add = `${table}__add`;
  const wide = `${table}__wide`;
  const rows = await writeDataset(target, store, dataset, add, fields, false);
  await target.exec(`DROP TABLE IF EXISTS ${wide}`);
  await target.exec(`CREATE TABLE ${wide} ENGINE = ${target.engine} AS SELECT * FROM ${table} INNER JOIN ${add} USING (_row)`);
  await target.exec(`DROP TABLE ${table}`);
  await target.exec(`RENAME TABLE ${wide} TO ${table}`);
  await target.exec(`DROP TABLE ${add}`);
  return rows;
}

/** (Re)creates `table`; returns the rows inserted. */
async function writeDataset(target: LoadTarget, store: EventStore, dataset: string, table: string, fields: readonly string[], withTime: boolean): Promise<number> {
  const [model, name] = splitDataset(dataset);
  const ds = findModel(model)?.datasets.find((d) => d.name === name);
  if (!ds) throw new Error(`unknown dataset ${dataset}`);
  const cols = fields.map((f) => fieldColumns(f));
  const names = ["_row", ...(withTime ? ["_time"] : []), ...cols.flatMap((c) => [c.values, ...SIDE_COLUMNS.map((k) => c[k])])];
  const defs = names.map((c) => `${c} ${c === "_row" ? "UInt32" : c === "_time" ? "Float64" : "Array(String)"}`);
  await target.exec(`DROP TABLE IF EXISTS ${table}`);
  await target.exec(`CREATE TABLE ${table} (${defs.join(", ")}) ENGINE = ${target.engine}`);
  const scan = scanDataset(store, ds, { where: null, fields });
  const readers = fields.map((f) => cellReader(scan.columns.get(f)));
  const n = scan.rows.length;
  for (let start = 0; start < n; start += BATCH_ROWS) {
    const end = Math.min(n, start + BATCH_ROWS);
    const batch: unknown[][] = [];
    for (let i = start; i < end; i++) {
      const row: unknown[] = [scan.rows[i]];
      if (withTime) {
        const time = scan.time(i);
        // A non-finite time prints and compares as text in memory (numberOf); not mirrored yet.
        if (!Number.isFinite(time)) throw new Error(`${dataset}: an event without a finite _time cannot be loaded`);
        row.push(time);
      }
      for (const read of readers) {
        const cell = read(i);
        row.push(cell.values, cell.lower, cell.canon, cell.ip);
      }
      batch.push(row);
    }
    await target.insert(table, names, batch);
  }
  return n;
}

function splitDataset(dataset: string): [string, string] {
  const dot = dataset.indexOf(".");
  return [dataset.slice(0, dot), dataset.slice(dot + 1)];
}

/** One row's values of a field and their side forms (SIDE_COLUMNS order). */
type Cell = FoldedCell;

const EMPTY_CELL: Cell = { values: [], lower: [], canon: [], ip: [] };

/** Cells by row, each distinct dictionary id decoded and folded once. */
function cellReader(col: ReturnType<typeof scanDataset>["columns"] extends ReadonlyMap<string, infer C> ? C | undefined : never): (i: number) => Cell {
  if (!col) return () => EMPTY_CELL;
  const cache = new Map<number, Cell>();
  return (i) => {
    const id = col.id(i);
    if (id === NULL_ID) return EMPTY_CELL;
    let cell = cache.get(id);
    if (!cell) {
      cell = foldedCell(col.dict.values(id));
      cache.set(id, cell);
    }
    return cell;
  };
}
