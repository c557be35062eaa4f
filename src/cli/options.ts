/** Shared option parsing for the subcommands. */
import { CommanderError, InvalidArgumentError, type Command } from "commander";

export interface CommonOptions {
  data: string[];
  macros: string[];
  /** Lookup directories (definitions *.yml, tables *.csv); outputlookup writes into the first. */
  lookups: string[];
  /** A MaxMind DB file (.mmdb) for iplocation. */
  geoip?: string;
  /** ndjson: one JSON object per result row per line (for jq and streaming consumers). */
  format: "table" | "json" | "csv" | "ndjson";
  tz: string;
  now?: number;
  sourcetype?: string;
  source?: string;
  /** `--mapping <file.yml>`: user mapping for JSON-lines/CSV logs no adapter knows (src/adapters/user-mapping.ts). */
  mapping?: string;
  quiet?: boolean;
  /** `--index <dir>`: search an index built by `minispl index` instead of --data. */
  index?: string;
  /** false with `--no-cache`: --data is loaded into memory, not through the cached index. */
  cache?: boolean;
  /** `--debug`: print the JavaScript stack of an internal error (otherwise one line says what failed). */
  debug?: boolean;
  /** `--follow-symlinks`: read what links inside a named folder lead to outside it (otherwise skipped with a warning). */
  followSymlinks?: boolean;
  /** `--timeout <seconds>`: each search's wall-time budget (default 300; 0: none). */
  timeout?: number;
  /** `--max-rows <n>`: rows of any one table of a search (default 50,000,000; 0: none). */
  maxRows?: number;
  /** `--max-memory <MB>`: heap a search may add (default: up to 85% of Node's heap limit; 0: none). */
  maxMemory?: number;
  /** `--escu <root>`: a security_content checkout; config.ts adds its macros/ and lookups/ (README, "Configuration"). */
  escu?: string;
  /** `--config <file>` (a path) or `--no-config` (false): which minispl.yaml is read; config.ts has used it by the time an action runs. */
  config?: string | false;
  /** `--csv-dir <dir>`: the folder inputcsv reads and outputcsv writes (cli/csv-dir.ts). */
  csvDir?: string;
  /** `--detections <path...>`: detections `| savedsearch <name>` can run (hunt: also the ones it runs). */
  detections?: string[];
  /** `--backend <memory|chdb|clickhouse://user@host:port/db>`: where the pushable part of each search runs (parseBackend). */
  backend?: string;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseFormat(value: string): CommonOptions["format"] {
  if (value === "table" || value === "json" || value === "csv" || value === "ndjson") return value;
  throw new InvalidArgumentError("expected table, json, csv or ndjson");
}

/** `-j, --jobs`: a whole number of worker threads, 1 or more (`-j abc` used to mean 1 silently). */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("expected a whole number of threads, 1 or more");
  return Number(value);
}

/** `--now`: epoch seconds or an ISO-8601 time. */
export function parseNow(value: string): number {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError("expected epoch seconds or an ISO-8601 time");
  return ms / 1000;
}

export function parseTz(value: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    throw new InvalidArgumentError(`unknown time zone "${value}"`);
  }
  return value;
}

/** `--timeout <seconds>`: a number of seconds, 0 or more (0: no limit). */
export function parseTimeout(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError("expected a number of seconds, 0 or more (0: no limit)");
  return Number(value);
}

/** `--max-rows <n>` and `--max-memory <MB>`: a whole number, 0 or more (0: no limit). */
export function parseLimit(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError("expected a whole number, 0 or more (0: no limit)");
  return Number(value);
}

/**
 * `--backend`: `memory` (default), `chdb` (ClickHouse in this process; `chdb:<dir>` keeps its
 * tables in that folder, as `minispl index … --out chdb:<dir>` loaded them) or
 * `clickhouse://user@host:port/db` (a server or cluster; `clickhouse` alone: localhost:8123).
 * A password in the URL is refused: it would stay in the shell history and the process list; it
 * comes only from MINISPL_CLICKHOUSE_PASSWORD. That error is not an InvalidArgumentError, whose
 * message commander prefixes with the whole value: program.ts reports it without the value.
 */
export function parseBackend(value: string): string {
  const v = value.trim();
  if (/\/\/[^@/\s]*:[^@\s]*@/.test(v)) {
    throw new CommanderError(2, "minispl.backendPassword", "a password in the --backend URL is refused (it would stay in the shell history): set MINISPL_CLICKHOUSE_PASSWORD instead");
  }
  if (v === "memory" || v === "chdb" || v === "clickhouse" || /^chdb:\S/.test(v) || /^clickhouse:\/\/([^@/\s]+@)?[^@/\s:]+(:\d+)?(\/[^\s/]*)?$/i.test(v)) return v;
  throw new InvalidArgumentError(/^clickhouse:/i.test(v) ? "expected clickhouse://user@host:port/db" : "expected memory, chdb or clickhouse://user@host:port/db");
}

/** The output options of `search` (`--output` also of `detect`); printing in print-result.ts. */
export interface OutputOptions {
  /** `--fields a,b*`: the fields listed under each event in the events view (`*` wildcards). */
  fields?: string[];
  /** `--max-events <n>`: events a search that ends in events prints (0: all; default 100 on a terminal, else all). */
  maxEvents?: number;
  /** `--output <file>`: write the results there instead of stdout (any format). */
  output?: string;
}

/** `--fields a,b --fields c`: names separated by commas or spaces, repeatable. */
export function parseFieldList(value: string, previous: string[] = []): string[] {
  const names = value.split(/[,\s]+/).filter((s) => s !== "");
  if (names.length === 0) throw new InvalidArgumentError("expected field names separated by commas, e.g. --fields user,CommandLine");
  return [...previous, ...names];
}

/** `--max-events <n>`: a whole number, 0 or more (0: every event). */
export function parseMaxEvents(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError("expected a whole number of events, 0 or more (0: all)");
  return Number(value);
}

/**
 * Configuration (README, "Configuration"; config.ts): `--escu <root>` on every command that loads
 * macros, `--config <file>` and `--no-config` on every command, and a hook that, before an action
 * runs, fills the options the user did not type from MINISPL_* variables and minispl.yaml. Added
 * here, after program.ts has defined the commands, so that each command gets what fits its options;
 * config.ts (and the yaml package) is imported only when an action runs.
 */
export function withConfig(program: Command): Command {
  for (const cmd of program.commands) {
    const attrs = new Set(cmd.options.map((o) => o.attributeName()));
    if (attrs.has("macros")) {
      const hunt = attrs.has("detections") ? "; --detections defaults to <root>/detections" : "";
      cmd.option("--escu <root>", `a security_content (ESCU) checkout: loads <root>/macros before any --macros (which override it) and <root>/lookups after any --lookups${hunt}`);
    }
    cmd.option("--config <file>", "read settings from this file instead of the minispl.yaml found in the current folder, a parent or ~/.config/minispl/");
    cmd.option("--no-config", "read no minispl.yaml (MINISPL_* variables still apply)");
  }
  program.addHelpText("after", `
Settings: --escu, --macros, --lookups, --data, --index, --detections, --csv-dir, --tz, --format,
--max-events, --fields and --backend default to minispl.yaml (this folder or a parent, else
~/.config/minispl/) and MINISPL_ESCU, MINISPL_MACROS, MINISPL_LOOKUPS, MINISPL_DATA, MINISPL_INDEX,
MINISPL_CSV_DIR, MINISPL_TZ, MINISPL_BACKEND; a flag wins over both.
\`minispl config\` shows what applies and where it comes from.`);
  return program.hook("preAction", async (_program, action) => {
    if (action.name() === "config") return;
    const { applyConfig, ConfigError } = await import("./config.js");
    try {
      applyConfig(action, { env: process.env, cwd: process.cwd() }, (s) => void process.stderr.write(s));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      process.stderr.write(`error: ${e.message}\n`);
      throw new CommanderError(2, "minispl.config", e.message);
    }
  });
}
