/**
 * Where a macro is defined, for go-to-definition: the file its definition came from (MacroDef's
 * origin) and the line that names it there: a macros.conf stanza `[name]` / `[name(n)]`, or an
 * ESCU macro YAML's `name:` line. Built-in and generated macros (a detection's `_filter`) have no
 * file: null.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import type { MacroDef } from "../index.js";

export interface MacroLocation {
  readonly file: string;
  /** 0-based. */
  readonly line: number;
  readonly character: number;
  /** The length of the name on that line (0 when the line was not found). */
  readonly length: number;
}

export function macroLocation(def: MacroDef): MacroLocation | null {
  const file = def.origin;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  const escaped = def.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = file.endsWith(".conf")
    ? new RegExp(`^\\s*\\[(${escaped})(?:\\(${def.args.length}\\))?\\]\\s*$`)
    : new RegExp(`^name:\\s*["']?(${escaped})(?:\\(\\d+\\))?["']?\\s*$`);
  for (let i = 0; i < lines.length; i++) {
    const m = pattern.exec(lines[i] as string);
    if (m) return { file, line: i, character: (lines[i] as string).indexOf(def.name, m[0].indexOf(m[1] as string)), length: def.name.length };
  }
  return { file, line: 0, character: 0, length: 0 };
}
