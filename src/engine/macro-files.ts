/** Reads macro definition files: ESCU `macros/*.yml` and Splunk `macros.conf`, in path order. */
import { platform } from "../platform/platform.js";
import { parseEscuMacroYaml, parseMacrosConf } from "../macros/load.js";
import type { MacroDef } from "../macros/macro-table.js";
import { listFiles, type FollowOption } from "./files.js";

export interface MacroFileLoad {
  readonly macros: MacroDef[];
  /** `file:line: message` for definitions that could not be read. */
  readonly errors: string[];
}

export function loadMacroFiles(paths: readonly string[], opts: FollowOption = {}): MacroFileLoad {
  const macros: MacroDef[] = [];
  const errors: string[] = [];
  // Loops and special files in the tree are reported with the definitions that could not be read.
  const files = listFiles(paths, [".yml", ".yaml", ".conf"], (w) => errors.push(`${w.path}: ${w.reason}`), opts);
  for (const file of files) {
    const text = platform().fs.readText(file);
    const res = file.endsWith(".conf") ? parseMacrosConf(text, file) : parseEscuMacroYaml(text, file);
    macros.push(...res.macros);
    errors.push(...res.errors.map((e) => `${e.file}:${e.line}: ${e.message}`));
  }
  return { macros, errors };
}
