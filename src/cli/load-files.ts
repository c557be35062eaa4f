/**
 * File IO for the CLI: macro definition files and detection files, found recursively under the
 * given paths (sorted, so runs are deterministic).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { MacroTable, parseEscuMacroYaml, parseMacrosConf, builtinMacros, type MacroDef } from "../index.js";

/** Files under the paths (directories walked recursively) whose extension is in `exts`. */
export function listFiles(paths: readonly string[], exts: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, explicit: boolean): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name), false);
    } else if (explicit || exts.includes(extname(p).toLowerCase())) out.push(p);
  };
  for (const p of paths) walk(p, true);
  return out;
}

export interface MacroLoad {
  readonly table: MacroTable;
  readonly errors: string[];
}

/** Builtins, then every --macros file in order (later definitions win). */
export function loadMacros(paths: readonly string[]): MacroLoad {
  const defs: MacroDef[] = [];
  const errors: string[] = [];
  for (const file of listFiles(paths, [".yml", ".yaml", ".conf"])) {
    const text = readFileSync(file, "utf8");
    const res = file.endsWith(".conf") ? parseMacrosConf(text, file) : parseEscuMacroYaml(text, file);
    defs.push(...res.macros);
    errors.push(...res.errors.map((e) => `${e.file}:${e.line}: ${e.message}`));
  }
  return { table: builtinMacros().with(defs), errors };
}
