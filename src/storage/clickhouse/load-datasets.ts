/**
 * Loads the `dm_<Model>_<Dataset>` tables a pushed query reads (sql/README.md "Tables") from an
 * EventStore. Values come from the in-memory dataset view (datamodels/scan-dataset.ts, so the CIM
 * calculated fields and `unknown` fills are exactly the memory engine's), with each non-ASCII
 * value's folded forms (sql/fold.ts) in the side columns that case-insensitive matching reads,
 * and each address-looking value's ipKey() in the one CIDR terms read.
 * A table is loaded once per store version with the fields a query reads; a later query that
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


interface Loaded {
  readonly store: EventStore;
  readonly version: number;
  readonly fields: ReadonlySet<string>;
}

export class DatasetLoader {
  private readonly loaded = new Map<string, Loaded>();
  /** Loads run one after another: two queries must not load the same table at once. */
  private queue: Promise<void> = Promise.resolve();

  /** The event search tables (load-events.ts), loaded in the same queue. */
  private readonly events: EventTables;

  constructor(private readonly target: LoadTarget) {
    this.events = new EventTables(target);
  }

  prepare(store: EventStore, needs: readonly TableNeed[]): Promise<void> {
    const run = this.queue.then(async () => {
      for (const need of needs) {
        if (need.kind === "events") await this.events.ensure(store, need.fields);
        else await this.ensure(store, need);
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async ensure(store: EventStore, need: Extract<TableNeed, { kind: "dataset" }>): Promise<void> {
    const have = this.loaded.get(need.table);
    const same = have !== undefined && have.store === store && have.version === store.version;
    const missing = need.fields.filter((f) => !same || !have.fields.has(f));
    if (same && missing.length === 0) return;
    this.loaded.delete(need.table);
    if (same) {
      // Only the new fields cross the connection; ClickHouse joins them to the rows it holds.
      await widenDataset(this.target, store, need.dataset, need.table, missing);
      this.loaded.set(need.table, { store, version: store.version, fields: new Set([...have.fields, ...missing]) });
    } else {
      await loadDataset(this.target, store, need.dataset, need.table, missing);
      this.loaded.set(need.table, { store, version: store.version, fields: new Set(missing) });
    }
  }
}

/** (Re)creates `table` with the dataset's member rows, their times and `fields`. */
export function loadDataset(target: LoadTarget, store: EventStore, dataset: string, table: string, fields: readonly string[]): Promise<void> {
  return writeDataset(target, store, dataset, table, fields, true);
}

/** Adds `fields` to a loaded `table` (same store version): loaded beside it, then joined on `_row`. */
export async function widenDataset(target: LoadTarget, store: EventStore, dataset: string, table: string, fields: readonly string[]): Promise<void> {
  const add = `${table}__add`;
  const wide = `${table}__wide`;
  await writeDataset(target, store, dataset, add, fields, false);
  await target.exec(`DROP TABLE IF EXISTS ${wide}`);
  await target.exec(`CREATE TABLE ${wide} ENGINE = ${target.engine} AS SELECT * FROM ${table} INNER JOIN ${add} USING (_row)`);
  await target.exec(`DROP TABLE ${table}`);
  await target.exec(`RENAME TABLE ${wide} TO ${table}`);
  await target.exec(`DROP TABLE ${add}`);
}

async function writeDataset(target: LoadTarget, store: EventStore, dataset: string, table: string, fields: readonly string[], withTime: boolean): Promise<void> {
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
