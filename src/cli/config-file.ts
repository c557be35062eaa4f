/**
 * Finding and reading `minispl.yaml` (README, "Configuration"). The first of these wins, and only
 * that one is read (no merging across levels): `--config <file>`, `MINISPL_CONFIG=<file>`, a
 * `minispl.yaml` in the current folder or the nearest parent, then the user's
 * `$XDG_CONFIG_HOME/minispl/minispl.yaml` (`~/.config/minispl/minispl.yaml`). `--no-config` or
 * `MINISPL_CONFIG=none` reads none. Each value keeps its line and column, so a bad one is reported
 * as `file:line:col`; what the values mean is config.ts's business.
 */
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import { suggest } from "../diagnostics/suggest.js";

export const CONFIG_NAME = "minispl.yaml";

/**
 * A config problem: printed as `error: <message>`, exit 2 like a bad option value (also for a
 * missing file: the setting that names it is what is wrong).
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Where the settings file comes from, or why there is none. */
export type ConfigLocation =
  | { readonly path: string; readonly how: string }
  | { readonly path: null; readonly how: string };

export interface ConfigEntry {
  /** The value as plain data (a scalar, or an array for a YAML list); null when empty. */
  readonly value: unknown;
  readonly line: number;
  readonly col: number;
}

export interface ConfigFile {
  readonly path: string;
  /** How it was found, for `minispl config`: "--config", "MINISPL_CONFIG", "current folder or a parent", "user config". */
  readonly how: string;
  readonly entries: ReadonlyMap<string, ConfigEntry>;
  /** Unknown keys, as `file:line:col: …` lines with a did-you-mean hint. */
  readonly warnings: readonly string[];
}

export interface Environment {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/**
 * The file to read. `flag` is commander's value of `--config <file>` / `--no-config` (a path,
 * false, or undefined when neither was given).
 */
export function locateConfig(flag: string | false | undefined, { env, cwd }: Environment): ConfigLocation {
  if (flag === false) return { path: null, how: "--no-config" };
  if (typeof flag === "string") return { path: resolve(cwd, flag), how: "--config" };
  const named = env.MINISPL_CONFIG;
  if (named !== undefined && named !== "") {
    if (named === "none") return { path: null, how: "MINISPL_CONFIG=none" };
    return { path: resolve(cwd, named), how: "MINISPL_CONFIG" };
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_NAME);
    if (isFile(candidate)) return { path: candidate, how: "current folder or a parent" };
    if (dirname(dir) === dir) break;
  }
  const user = join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config"), "minispl", CONFIG_NAME);
  if (isFile(user)) return { path: user, how: "user config" };
  return { path: null, how: "no minispl.yaml found" };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads the file's top-level mapping. A file named by `--config`/`MINISPL_CONFIG` that does not
 * exist is an input error; YAML that does not parse, or is not a mapping, a bad value.
 */
export function readConfigFile(path: string, how: string, known: readonly string[]): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const named = how === "--config" ? `--config ${path}` : how === "MINISPL_CONFIG" ? `MINISPL_CONFIG=${path}` : path;
    throw new ConfigError(`${named}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : (e as Error).message}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number): string => {
    const p = lines.linePos(offset);
    return `${path}:${p.line}:${p.col}`;
  };
  const first = doc.errors[0];
  if (first) throw new ConfigError(`${at(first.pos[0])}: ${first.message.split("\n")[0] ?? "not valid YAML"}`);
  const entries = new Map<string, ConfigEntry>();
  const warnings: string[] = [];
  if (doc.contents === null) return { path, how, entries, warnings };
  if (!isMap(doc.contents)) throw new ConfigError(`${at(doc.contents.range[0])}: expected settings as \`key: value\` lines (e.g. \`tz: Europe/Paris\`)`);
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : null;
    const keyAt = at(keyNode?.range?.[0] ?? 0);
    if (key === null) throw new ConfigError(`${keyAt}: expected a setting name`);
    if (!known.includes(key)) {
      const near = suggest(key, known);
      warnings.push(`${keyAt}: unknown setting "${key}" (ignored)${near.length ? `\n  = hint: did you mean ${near.map((x) => `"${x}"`).join(" or ")}?` : `\n  = hint: the settings are ${known.join(", ")}`}`);
      continue;
    }
    const valueNode = pair.value as Node | null;
    const pos = lines.linePos(valueNode?.range?.[0] ?? keyNode?.range?.[0] ?? 0);
    entries.set(key, { value: valueNode ? (valueNode.toJSON() as unknown) : null, line: pos.line, col: pos.col });
  }
  return { path, how, entries, warnings };
}
