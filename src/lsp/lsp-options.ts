/**
 * What the language server loads: macro definition files or folders, and the events: event files
 * or folders, or an index folder built by `minispl index`. The command line gives a base
 * (`minispl lsp --macros … --data … --index …`, and `--escu` through the config machinery,
 * src/cli/config.ts); a client's `initializationOptions` add to it:
 * `{ "escu": dir, "macros": [paths], "data": [paths], "index": dir }`, relative paths from the
 * workspace root. An index replaces the command line's (one index is searched).
 */
import { isAbsolute, join, resolve, sep } from "node:path";

export interface LspOptions {
  /** ESCU `macros/*.yml`, `macros.conf` files or folders, in load order (later wins). */
  readonly macros: readonly string[];
  /** Event files or folders the "Run detection" command searches. */
  readonly data: readonly string[];
  /** An index folder built by `minispl index`: searched where it is, instead of `data` (nothing is loaded into memory). */
  readonly index?: string;
}

/** True when `path` is one of `roots` or inside one of them (a saved file that reloads them). */
export function isInside(path: string, roots: readonly string[]): boolean {
  const file = resolve(path);
  return roots.map((r) => resolve(r)).some((r) => file === r || file.startsWith(`${r}${sep}`));
}

/** The options with a client's initializationOptions added, and warnings about what was refused. */
export function withInitOptions(base: LspOptions, init: unknown, root: string | null): { options: LspOptions; warnings: string[] } {
  const warnings: string[] = [];
  if (init === undefined || init === null) return { options: base, warnings };
  if (typeof init !== "object" || Array.isArray(init)) return { options: base, warnings: ["initializationOptions: expected an object { escu, macros, data, index }"] };
  const o = init as Record<string, unknown>;
  const at = (p: string) => (isAbsolute(p) || root === null ? resolve(p) : resolve(root, p));
  const paths = (key: string): string[] => {
    const v = o[key];
    if (v === undefined || v === null) return [];
    const list = Array.isArray(v) ? v : [v];
    if (list.every((x): x is string => typeof x === "string")) return list.map(at);
    warnings.push(`initializationOptions.${key}: expected a path or a list of paths`);
    return [];
  };
  const escu = paths("escu").map((root) => join(root, "macros"));
  let index = base.index;
  if (typeof o["index"] === "string") index = at(o["index"]);
  else if (o["index"] !== undefined && o["index"] !== null) warnings.push("initializationOptions.index: expected the path of an index folder");
  for (const key of Object.keys(o)) if (!["escu", "macros", "data", "index"].includes(key)) warnings.push(`initializationOptions.${key}: unknown setting (escu, macros, data, index)`);
  const options = { macros: [...base.macros, ...escu, ...paths("macros")], data: [...base.data, ...paths("data")] };
  return { options: index !== undefined ? { ...options, index } : options, warnings };
}
