/**
 * `loadStore`: every table a pushed query could read from a store, loaded at once (what
 * `minispl index … --out clickhouse://…` does): `events`, one `ev_<field>` per event field, and
 * one `dm_<Model>_<Dataset>` per CIM dataset with members, holding every field the dataset
 * defines (the compiler asks for a few; loading them all means a later run loads nothing). The
 * database is claimed for the store first (searches over another index are then refused). It goes
 * through the backend's `prepare`, so a table the catalog already lists for this store is skipped,
 * and an interrupted load is finished by running it again.
 */
import { BASE_FIELDS } from "../../datamodels/dataset-fields.js";
import { memberRows } from "../../datamodels/member-rows.js";
import { DATAMODELS, lineage } from "../../datamodels/registry.js";
import type { DatasetDef } from "../../datamodels/types.js";
import { EVENTS_TABLE, eventFieldTable } from "../../sql/compile-events.js";
import { datasetTable } from "../../sql/sql-text.js";
import type { TableNeed } from "../../sql/types.js";
import type { EventStore } from "../../store/event-store.js";
import type { SqlBackend } from "./backend.js";

/**
 * Longer table names are left to be loaded when a query reads them: a table's name is a file name
 * in ClickHouse's metadata folder (255 bytes at most), and a field name's encoding can be long.
 */
const MAX_TABLE_NAME = 200;

export interface LoadedTableReport {
  readonly table: string;
  /** Rows inserted now; null when the table was already there for this store. */
  readonly rows: number | null;
}

export interface LoadStoreSummary {
  readonly tables: readonly LoadedTableReport[];
  /** Tables not loaded now because their names are too long (loaded when a query reads them). */
  readonly deferred: readonly string[];
  readonly rows: number;
  readonly inserts: number;
  readonly ms: number;
}

/** One need per table, in load order: `events` first (its field tables need it), then fields, then datasets. */
export function storeNeeds(store: EventStore): TableNeed[] {
  const needs: TableNeed[] = [{ kind: "events", table: EVENTS_TABLE, fields: [] }];
  for (const f of store.fieldNames()) needs.push({ kind: "events", table: EVENTS_TABLE, fields: [f] });
  for (const model of DATAMODELS) {
    for (const ds of model.datasets) {
      const table = datasetTable(model.name, ds.name);
      if (table === null || memberRows(store, ds).length === 0) continue;
      needs.push({ kind: "dataset", dataset: `${model.name}.${ds.name}`, table, fields: datasetFields(ds) });
    }
  }
  return needs;
}

/** Every field a dataset scan can read (DatasetFields.source): the base fields, then the lineage's own. */
export function datasetFields(ds: DatasetDef): string[] {
  const names = [...BASE_FIELDS.filter((f) => f !== "_time"), ...lineage(ds).flatMap((d) => d.fields.map((f) => f.name))];
  return [...new Set(names)];
}

/** The table a need makes (an events need for one field: that field's table). */
function needTable(need: TableNeed): string {
  if (need.kind === "events" && need.fields.length === 1) return eventFieldTable(need.fields[0] as string);
  return need.table;
}

/** Loads what `storeNeeds` lists, table by table; `onTable` hears of each as it is done. */
export async function loadStore(backend: SqlBackend, store: EventStore, onTable?: (t: LoadedTableReport, done: number, of: number) => void): Promise<LoadStoreSummary> {
  const started = Date.now();
  const stats = backend.loads ?? { inserts: 0, rows: 0 };
  const first = { inserts: stats.inserts, rows: stats.rows };
  await backend.claim?.(store);
  const needs = storeNeeds(store);
  const tables: LoadedTableReport[] = [];
  const deferred: string[] = [];
  for (const need of needs) {
    const table = needTable(need);
    if (table.length > MAX_TABLE_NAME) {
      deferred.push(table);
      continue;
    }
    const before = { inserts: stats.inserts, rows: stats.rows };
    await backend.prepare(store, [need]);
    const report = { table, rows: stats.inserts === before.inserts ? null : stats.rows - before.rows };
    tables.push(report);
    onTable?.(report, tables.length + deferred.length, needs.length);
  }
  return { tables, deferred, rows: stats.rows - first.rows, inserts: stats.inserts - first.inserts, ms: Date.now() - started };
}
