/**
 * The lookups a search can use: definitions by name and tables by CSV file name. A search names a
 * lookup by "the name of a CSV file … or the name of a stanza in the transforms.conf file" (SPL
 * Search Reference, lookup), so `resolve` tries the definition first, then the file.
 *
 * A KV-store collection has no file; offline it is stood in for by `<collection>.csv` (so a user
 * can supply its rows, and `outputlookup` to it writes there). The store is mutable only through
 * `put` (outputlookup), so a table written by one search is read by the next one that shares it.
 */
import { fileDefinition, type LookupDefinition } from "./definition.js";
import type { LookupTable } from "./table.js";

export interface ResolvedLookup {
  /** The name as the search wrote it. */
  readonly name: string;
  /** The definition, or the all-defaults one of a bare file name; null when the name is unknown. */
  readonly definition: LookupDefinition | null;
  /** The CSV file holding the rows (KV collections: `<collection>.csv`); null when there is none. */
  readonly filename: string | null;
  /** The rows, or null when not loaded. */
  readonly table: LookupTable | null;
  /** Why `table` is null, for the warning. */
  readonly missing?: string;
}

/** One outputlookup write: the new table, or null when the file is to be removed. */
export interface LookupWrite {
  readonly name: string;
  readonly filename: string;
  readonly table: LookupTable | null;
}

/** Saves a write beyond memory (the CLI: a CSV file). Throws an Error to refuse it. */
export type LookupWriter = (write: LookupWrite) => void;

function isCsvName(name: string): boolean {
  return /\.csv$/i.test(name);
}

export class LookupStore {
  private readonly defs = new Map<string, LookupDefinition>();
  private readonly files = new Map<string, LookupTable>();

  /** First definition of a name and first file of a name win (the CLI passes the first --lookups directory first). */
  constructor(definitions: readonly LookupDefinition[] = [], files: ReadonlyMap<string, LookupTable> = new Map()) {
    for (const d of definitions) if (!this.defs.has(d.name)) this.defs.set(d.name, d);
    for (const [name, t] of files) this.files.set(name, t);
  }

  get definitions(): readonly LookupDefinition[] {
    return [...this.defs.values()];
  }

  get fileNames(): readonly string[] {
    return [...this.files.keys()];
  }

  definition(name: string): LookupDefinition | undefined {
    return this.defs.get(name);
  }

  file(name: string): LookupTable | undefined {
    return this.files.get(name);
  }

  /** Replaces (or with null removes) a table by file name. */
  put(filename: string, table: LookupTable | null): void {
    if (table === null) this.files.delete(filename);
    else this.files.set(filename, table);
  }

  resolve(name: string): ResolvedLookup {
    const def = this.defs.get(name);
    if (def) {
      if (def.filename !== undefined) {
        const table = this.files.get(def.filename) ?? null;
        if (table) return { name, definition: def, filename: def.filename, table };
        if (!isCsvName(def.filename)) {
          return { name, definition: def, filename: null, table: null, missing: `lookup "${name}" is ${def.filename}, not a CSV table` };
        }
        return { name, definition: def, filename: def.filename, table: null, missing: `the file of lookup "${name}", ${def.filename}, is not loaded` };
      }
      const stand = `${def.collection ?? name}.csv`;
      const table = this.files.get(stand) ?? null;
      if (table) return { name, definition: def, filename: stand, table };
      return {
        name, definition: def, filename: stand, table: null,
        missing: `lookup "${name}" is the KV-store collection "${def.collection ?? name}", which has no data offline (put its rows in ${stand} in a lookups directory)`,
      };
    }
    const table = this.files.get(name) ?? null;
    if (table) return { name, definition: fileDefinition(name), filename: name, table };
    if (isCsvName(name)) return { name, definition: fileDefinition(name), filename: name, table: null, missing: `the lookup file ${name} is not loaded` };
    return { name, definition: null, filename: null, table: null, missing: `no lookup definition or CSV file is named "${name}"` };
  }

  /** Definition and file names, for did-you-mean hints. */
  names(): string[] {
    return [...this.defs.keys(), ...this.files.keys()];
  }
}
