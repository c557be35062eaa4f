/**
 * What the language server loads: macro definition files or folders and event files or folders.
 * The command line gives a base (`minispl lsp --macros … --data …`, and `--escu` through the
 * config machinery, src/cli/config.ts); a client's `initializationOptions` add to it:
 * `{ "escu": dir, "macros": [paths], "data": [paths] }`, relative paths from the workspace root.
 */
import { isAbsolute, join, resolve } from "node:path";

export interface LspOptions {
  /** ESCU `macros/*.yml`, `macros.conf` files or folders, in load order (later wins). */
  readonly macros: readonly string[];
  /** Event files or folders the "Run detection" command searches. */
  readonly data: readonly string[];
}

/** The options with a client's initializationOptions added, and warnings about what was refused. */
export function withInitOptions(base: LspOptions, init: unknown, root: string | null): { options: LspOptions; warnings: string[] } {
  const warnings: string[] = [];
  if (init === undefined || init === null) return { options: base, warnings };
  if (typeof init !== "object" || Array.isArray(init)) return { options: base, warnings: ["initializationOptions: expected an object { escu, macros, data }"] };
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
  for (const key of Object.keys(o)) if (!["escu", "macros", "data"].includes(key)) warnings.push(`initializationOptions.${key}: unknown setting (escu, macros, data)`);
  return { options: { macros: [...base.macros, ...escu, ...paths("macros")], data: [...base.data, ...paths("data")] }, warnings };
}
