/**
 * What the loaders have put in ClickHouse: per table, the identity of the store it came from
 * (store-identity.ts) and the fields it holds. In-process chDB keeps this in a Map (its tables die
 * with the process). A server, or chDB with a data folder, keeps it in the `minispl_loaded` table
 * beside the tables, so a later process finds them and loads nothing: one row per load, the newest
 * per table wins; a table is marked empty (`store` = '') before it is dropped or rewritten, so a
 * load that dies halfway leaves a table no run trusts. A row written by another load format or
 * minispl version does not count (the side columns may have changed).
 */
import { VERSION } from "../../cli/version.js";

/** Bump when what a loaded table holds changes (columns, side forms, which rows). */
export const LOAD_FORMAT = 1;
export const CATALOG_TABLE = "minispl_loaded";

export interface LoadedTable {
  /** The store identity it was loaded from. */
  readonly store: string;
  readonly fields: ReadonlySet<string>;
}

export interface LoadCatalog {
  /** True when the tables outlive this process (a server, chDB with a folder). */
  readonly persistent: boolean;
  get(table: string): Promise<LoadedTable | undefined>;
  /** Every table recorded as loaded. */
  tables(): Promise<ReadonlyMap<string, LoadedTable>>;
  /** Records a finished load of `table` (`rows` as inserted). */
  set(table: string, store: string, fields: readonly string[], rows: number): Promise<void>;
  /**
   * Records that `tables` hold nothing trusted (before they are dropped or rewritten): one write
   * for all of them, so a new `events` that retires a hundred field tables costs one INSERT (one
   * part of `minispl_loaded`), not a hundred.
   */
  forget(...tables: string[]): Promise<void>;
}

export class MemoryCatalog implements LoadCatalog {
  readonly persistent = false;
  private readonly loaded = new Map<string, LoadedTable>();
  async get(table: string): Promise<LoadedTable | undefined> {
    return this.loaded.get(table);
  }
  async tables(): Promise<ReadonlyMap<string, LoadedTable>> {
    return this.loaded;
  }
  async set(table: string, store: string, fields: readonly string[]): Promise<void> {
    this.loaded.set(table, { store, fields: new Set(fields) });
  }
  async forget(...tables: string[]): Promise<void> {
    for (const t of tables) this.loaded.delete(t);
  }
}

/** What the table catalog needs of a connection. */
export interface CatalogConnection {
  exec(sql: string): Promise<void>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
}

const COLUMNS = ["table", "store", "format", "fields", "rows", "seq"] as const;

/** The catalog in `minispl_loaded`, read once per process and written through. */
export class TableCatalog implements LoadCatalog {
  readonly persistent = true;
  private cache: Map<string, LoadedTable> | null = null;
  private seq = 0;

  constructor(private readonly conn: CatalogConnection) {}

  async get(table: string): Promise<LoadedTable | undefined> {
    return (await this.read()).get(table);
  }

  async tables(): Promise<ReadonlyMap<string, LoadedTable>> {
    return this.read();
  }

  async set(table: string, store: string, fields: readonly string[], rows: number): Promise<void> {
    const cache = await this.read();
    await this.write([[table, store, fields, rows]]);
    cache.set(table, { store, fields: new Set(fields) });
  }

  async forget(...tables: string[]): Promise<void> {
    const cache = await this.read();
    const known = [...new Set(tables)].filter((t) => cache.has(t));
    if (known.length === 0) return;
    await this.write(known.map((t) => [t, "", [], 0]));
    for (const t of known) cache.delete(t);
  }

  private async read(): Promise<Map<string, LoadedTable>> {
    if (this.cache) return this.cache;
    await this.conn.exec(
      `CREATE TABLE IF NOT EXISTS ${CATALOG_TABLE} (table String, store String, format String, fields Array(String), rows UInt64, seq UInt64, loaded_at DateTime DEFAULT now()) ENGINE = MergeTree ORDER BY (table, seq)`,
    );
    const rows = await this.conn.query(`SELECT table, store, format, fields, seq FROM ${CATALOG_TABLE} ORDER BY seq DESC LIMIT 1 BY table`);
    const cache = new Map<string, LoadedTable>();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (Number.isFinite(seq)) this.seq = Math.max(this.seq, seq);
      if (r.format !== formatTag() || typeof r.store !== "string" || r.store === "" || !Array.isArray(r.fields)) continue;
      cache.set(String(r.table), { store: r.store, fields: new Set(r.fields.map(String)) });
    }
    this.cache = cache;
    return cache;
  }

  /** One INSERT of `(table, store, fields, rows)` records, each with its own seq. */
  private async write(records: readonly (readonly [string, string, readonly string[], number])[]): Promise<void> {
    const rows = records.map(([table, store, fields, n]) => {
      // Newer than every row seen and than the clock: the newest row per table is the one to trust.
      this.seq = Math.max(this.seq + 1, Date.now() * 1000);
      return [table, store, formatTag(), fields, n, this.seq];
    });
    await this.conn.insert(CATALOG_TABLE, COLUMNS, rows);
  }
}

function formatTag(): string {
  return `${LOAD_FORMAT}/${VERSION}`;
}
