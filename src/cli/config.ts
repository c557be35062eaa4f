/**
 * Settings from the command line, the environment and `minispl.yaml` (README, "Configuration").
 * Each setting comes from the first level that gives it: its flag, its `MINISPL_*` variable, the
 * config file (config-file.ts; paths there are relative to the file's folder), the built-in default.
 *
 * Two settings are not independent:
 *  - `data` and `index` are one choice, the events to search: a command line that gives either
 *    (or hunt's log arguments) takes nothing from the environment or the file, and otherwise the
 *    first level that gives either gives both.
 *  - `escu <root>` is a base under the others: `<root>/macros` is loaded before the `macros` paths
 *    (which then override ESCU's definitions, later wins), `<root>/lookups` is searched after the
 *    `lookups` folders (first wins, and outputlookup keeps writing into the user's own first
 *    folder), and `<root>/detections` is hunt's `--detections` when nothing else gives one.
 *
 * The values are checked with the flags' own parsers (options.ts), so a config value is accepted
 * exactly when the flag would be; a bad one is an error naming `file:line:col` or the variable.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import type { Command, OptionValueSource } from "commander";
import { ConfigError, locateConfig, readConfigFile, type ConfigFile, type ConfigLocation, type Environment } from "./config-file.js";
import { parseBackend, parseFieldList, parseFormat, parseMaxEvents, parseTz } from "./options.js";

export { ConfigError };

type Kind = "path" | "paths" | "value" | "list";

interface Spec {
  /** The key in minispl.yaml: the long flag's name. */
  readonly key: string;
  /** commander's attribute for the flag. */
  readonly attr: string;
  readonly env?: string;
  readonly kind: Kind;
  /** The flag's own parser, for "value" and "list" settings. */
  readonly parse?: (text: string) => unknown;
}

export const SETTINGS: readonly Spec[] = [
  { key: "escu", attr: "escu", env: "MINISPL_ESCU", kind: "path" },
  { key: "macros", attr: "macros", env: "MINISPL_MACROS", kind: "paths" },
  { key: "lookups", attr: "lookups", env: "MINISPL_LOOKUPS", kind: "paths" },
  { key: "data", attr: "data", env: "MINISPL_DATA", kind: "paths" },
  { key: "index", attr: "index", env: "MINISPL_INDEX", kind: "path" },
  { key: "detections", attr: "detections", kind: "paths" },
  { key: "csv-dir", attr: "csvDir", env: "MINISPL_CSV_DIR", kind: "path" },
  { key: "tz", attr: "tz", env: "MINISPL_TZ", kind: "value", parse: parseTz },
  { key: "format", attr: "format", kind: "value", parse: parseFormat },
  { key: "max-events", attr: "maxEvents", kind: "value", parse: parseMaxEvents },
  { key: "fields", attr: "fields", kind: "list", parse: (s) => parseFieldList(s) },
  { key: "backend", attr: "backend", env: "MINISPL_BACKEND", kind: "value", parse: parseBackend },
];

export const SETTING_KEYS: readonly string[] = SETTINGS.map((s) => s.key);

export interface Resolved {
  readonly value: unknown;
  /** Where it came from, for `minispl config`: `--tz`, `MINISPL_TZ`, `file:line`, `escu (…)`, `default`. */
  readonly source: string;
  readonly level: "cli" | "env" | "config" | "default";
  /** For a value of the file, what an error about it starts with: `file:line:col: key:`. */
  readonly at?: string;
}

export interface ResolveInput extends Environment {
  /** Values the command line gave, by key (only flags the user typed). */
  readonly cli: ReadonlyMap<string, unknown>;
  /** True when the command line named the events another way (hunt's log arguments). */
  readonly cliEvents?: boolean;
  readonly file: ConfigFile | null;
  /** The settings the command has (a flag for each); the others are not resolved. */
  readonly keys: ReadonlySet<string>;
}

/** The config file the flags and environment point at, read (null when there is none). */
export function loadConfigFile(flag: string | false | undefined, envr: Environment): { location: ConfigLocation; file: ConfigFile | null } {
  const location = locateConfig(flag, envr);
  return { location, file: location.path === null ? null : readConfigFile(location.path, location.how, SETTING_KEYS) };
}

/** Every setting the command has that some level gives, with where it came from. */
export function resolveSettings(inp: ResolveInput): Map<string, Resolved> {
  const out = new Map<string, Resolved>();
  const specs = SETTINGS.filter((s) => inp.keys.has(s.key));
  const events = new Set(["data", "index"]);
  const eventsLevel = inp.cliEvents || specs.some((s) => events.has(s.key) && inp.cli.has(s.key))
    ? "cli"
    : specs.some((s) => events.has(s.key) && envValue(s, inp.env) !== undefined) ? "env" : "config";
  for (const spec of specs) {
    const r = events.has(spec.key) ? levelValue(spec, inp, eventsLevel) : firstValue(spec, inp);
    if (r) out.set(spec.key, r);
  }
  const escu = out.get("escu");
  if (escu) addEscu(out, escu, inp.keys);
  return out;
}

function firstValue(spec: Spec, inp: ResolveInput): Resolved | null {
  return levelValue(spec, inp, "cli") ?? levelValue(spec, inp, "env") ?? levelValue(spec, inp, "config");
}

function levelValue(spec: Spec, inp: ResolveInput, level: "cli" | "env" | "config"): Resolved | null {
  if (level === "cli") return inp.cli.has(spec.key) ? { value: inp.cli.get(spec.key), source: `--${spec.key}`, level } : null;
  if (level === "env") {
    const value = envValue(spec, inp.env);
    return value === undefined ? null : { value, source: spec.env as string, level };
  }
  const entry = inp.file?.entries.get(spec.key);
  if (!inp.file || !entry || entry.value === null) return null;
  const where = `${inp.file.path}:${entry.line}:${entry.col}`;
  return { value: fileValue(spec, entry.value, dirname(inp.file.path), where), source: `${inp.file.path}:${entry.line}`, level, at: `${where}: ${spec.key}:` };
}

/** A variable's value; an empty variable counts as unset. Lists of paths are separated like PATH. */
function envValue(spec: Spec, env: NodeJS.ProcessEnv): unknown {
  const raw = spec.env === undefined ? undefined : env[spec.env];
  if (raw === undefined || raw.trim() === "") return undefined;
  if (spec.kind === "paths") return raw.split(delimiter).filter((p) => p !== "");
  if (spec.kind === "path") return raw;
  // A URL's password is not repeated in an error (MINISPL_BACKEND=clickhouse://u:…@host).
  return parsed(spec, raw, `${spec.env as string}=${raw.replace(/(\/\/[^\s:/@]*):[^\s@]*@/g, "$1:***@")}`);
}

/** A value of the file: a path (or list of paths) relative to the file's folder, or what the flag takes. */
function fileValue(spec: Spec, value: unknown, dir: string, where: string): unknown {
  const text = (v: unknown): string => {
    if (typeof v === "string" || typeof v === "number") return String(v);
    throw new ConfigError(`${where}: ${spec.key}: expected ${spec.kind === "path" ? "a path" : spec.kind === "paths" ? "a path or a list of paths" : "a value"}, not ${Array.isArray(v) ? "a list" : typeof v === "object" ? "a mapping" : JSON.stringify(v)}`);
  };
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(text) : [text(v)]);
  switch (spec.kind) {
    case "path":
      return filePath(dir, text(value));
    case "paths":
      return list(value).map((p) => filePath(dir, p));
    case "list":
      return parsed(spec, list(value).join(","), where);
    case "value":
      return parsed(spec, text(value), where);
  }
}

/** `~/` is the home folder (YAML is not a shell); other relative paths start at the file's folder. */
function filePath(dir: string, p: string): string {
  if (p === "~" || p.startsWith("~/")) return join(homedir(), p.slice(1));
  return resolve(dir, p);
}

function parsed(spec: Spec, text: string, where: string): unknown {
  try {
    return (spec.parse as (t: string) => unknown)(text);
  } catch (e) {
    throw new ConfigError(`${where}: ${spec.key}: ${(e as Error).message}`);
  }
}

/** `escu <root>`: ESCU's macros under the user's, its lookups after the user's, hunt's default detections. */
function addEscu(out: Map<string, Resolved>, escu: Resolved, keys: ReadonlySet<string>): void {
  const root = escu.value as string;
  if (!existsSync(join(root, "macros"))) {
    const what = escu.level === "cli" ? `--escu ${root}` : escu.level === "env" ? `MINISPL_ESCU=${root}` : `${escu.at ?? "escu:"} ${root}`;
    throw new ConfigError(`${what}: not a security_content checkout (no macros/ folder in it)`);
  }
  const source = `escu (${escu.source})`;
  const merged = (key: string, dir: string, first: boolean): void => {
    if (!keys.has(key)) return;
    const own = out.get(key);
    const mine = (own?.value as string[] | undefined) ?? [];
    const value = first ? [dir, ...mine] : [...mine, dir];
    out.set(key, { value, source: own ? `${own.source} + ${source}` : source, level: own?.level ?? escu.level });
  };
  merged("macros", join(root, "macros"), true);
  if (existsSync(join(root, "lookups"))) merged("lookups", join(root, "lookups"), false);
  if (keys.has("detections") && !out.has("detections")) out.set("detections", { value: [join(root, "detections")], source, level: escu.level });
}

/**
 * Commands whose events come only from their own command line: `check` compiles without events
 * and runs the detections only when --data is typed; `test` reads --attack-data, `lint` no events.
 */
const EVENTS_ONLY_WHEN_TYPED: ReadonlySet<string> = new Set(["check", "test", "lint"]);

const COMMANDER_SOURCE: Record<Resolved["level"], OptionValueSource> = { cli: "cli", env: "env", config: "config", default: "default" };

/**
 * Before a command's action: fills the options the user did not type from the environment and
 * the config file (the action then sees them in `opts`), after printing the file's warnings.
 * Throws ConfigError for a bad value or a missing file.
 */
export function applyConfig(cmd: Command, envr: Environment, warn: (s: string) => void): void {
  const attrs = new Map(cmd.options.map((o) => [o.attributeName(), o] as const));
  const specs = SETTINGS.filter((s) => attrs.has(s.attr) && !(EVENTS_ONLY_WHEN_TYPED.has(cmd.name()) && (s.key === "data" || s.key === "index")));
  if (specs.length === 0) return;
  const { file } = loadConfigFile(cmd.getOptionValue("config") as string | false | undefined, envr);
  for (const w of file?.warnings ?? []) warn(`warning: ${w}\n`);
  const cli = new Map<string, unknown>();
  for (const s of specs) if (cmd.getOptionValueSource(s.attr) === "cli") cli.set(s.key, cmd.getOptionValue(s.attr));
  const logs = cmd.registeredArguments.findIndex((a) => a.name() === "logs");
  const cliEvents = logs >= 0 && ((cmd.processedArgs[logs] as string[] | undefined) ?? []).length > 0;
  const resolved = resolveSettings({ ...envr, cli, cliEvents, file, keys: new Set(specs.map((s) => s.key)) });
  for (const s of specs) {
    const r = resolved.get(s.key);
    if (!r || (r.level === "cli" && r.value === cli.get(s.key))) continue;
    // A format the command does not print (e.g. csv for `ingest`) keeps the command's default.
    const choices = attrs.get(s.attr)?.argChoices;
    if (choices && !choices.includes(String(r.value))) continue;
    cmd.setOptionValueWithSource(s.attr, r.value, COMMANDER_SOURCE[r.level]);
  }
}
