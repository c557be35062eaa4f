/**
 * Building a LookupStore from file contents (pure: the CLI and tests read the files). Definitions
 * are ESCU-style `*.yml`; tables are `*.csv`, known by their base name as Splunk knows lookup
 * files ("Only file names are supported", transforms.conf.spec `filename`). When two files share a
 * name the first one wins, so the CLI's first --lookups directory (where writes go) shadows the rest.
 */
import { parseCsv, type CsvProblem } from "./csv.js";
import { parseLookupYaml, type LookupDefinition } from "./definition.js";
import { LookupStore } from "./store.js";
import type { LookupTable } from "./table.js";

export interface LookupSourceFile {
  /** The path, for messages; the base name is the table's name. */
  readonly path: string;
  readonly text: string;
}

export interface LookupLoadResult {
  readonly store: LookupStore;
  /** Bad YAML or CSV, as file:line problems; the rest still loads. */
  readonly problems: readonly CsvProblem[];
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

export function buildLookupStore(definitions: readonly LookupSourceFile[], csvFiles: readonly LookupSourceFile[]): LookupLoadResult {
  const problems: CsvProblem[] = [];
  const defs: LookupDefinition[] = [];
  for (const f of definitions) {
    const r = parseLookupYaml(f.text, f.path);
    problems.push(...r.problems);
    if (r.definition) defs.push(r.definition);
  }
  const files = new Map<string, LookupTable>();
  for (const f of csvFiles) {
    const name = baseName(f.path);
    if (files.has(name)) continue;
    const r = parseCsv(f.text, f.path);
    problems.push(...r.problems);
    files.set(name, r.table);
  }
  return { store: new LookupStore(defs, files), problems };
}
