/**
 * `minispl config`: the settings every command starts from (README, "Configuration"): which
 * minispl.yaml was read (or why none), then each setting's value and where it came from
 * (`MINISPL_TZ`, `file:line`, `escu (…)`, `default`). A subcommand rather than a `--show-config`
 * flag on every command: the file and the variables are the same for all of them, so one place
 * shows them without adding an option to eleven commands' help; a flag typed on a command line
 * wins over everything shown here.
 */
import { basename } from "node:path";
import { EXIT } from "./exit-codes.js";
import { ConfigError, loadConfigFile, resolveSettings, SETTING_KEYS, type Resolved } from "./config.js";
import type { Io } from "./session.js";

export interface ConfigCommandOptions {
  format: "table" | "json";
  config?: string | false;
}

/** Each setting's built-in default, for `--format json` (null: none). */
const DEFAULT_VALUES: Record<string, unknown> = { macros: [], lookups: [], data: [], detections: [], tz: "UTC", format: "table", backend: "memory" };

/** What a setting is when no level gives it, in words. */
const DEFAULTS: Record<string, string> = {
  escu: "none",
  macros: "the built-ins only",
  lookups: "none",
  data: "none (give --data or --index)",
  index: "none",
  detections: "none (hunt: give --detections)",
  tz: "UTC",
  format: "table",
  "max-events": "100 on a terminal, else all",
  fields: "every field an event has",
  backend: "memory",
};

/** Plain process streams: printing settings needs nothing of session.ts, which loads the library. */
const streams: Pick<Io, "out" | "err"> = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

export function configCommand(opts: ConfigCommandOptions, io: Pick<Io, "out" | "err"> = streams, envr = { env: process.env, cwd: process.cwd() }): number {
  let location: ReturnType<typeof loadConfigFile>["location"];
  let settings: Map<string, Resolved>;
  try {
    const loaded = loadConfigFile(opts.config, envr);
    location = loaded.location;
    for (const w of loaded.file?.warnings ?? []) io.err(`warning: ${w}\n`);
    settings = resolveSettings({ ...envr, cli: new Map(), file: loaded.file, keys: new Set(SETTING_KEYS) });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(`error: ${e.message}\n`);
    return EXIT.spl;
  }
  const rows = SETTING_KEYS.map((key) => {
    const r = settings.get(key);
    return { key, value: r ? r.value : (DEFAULT_VALUES[key] ?? null), source: r ? r.source : "default", set: r !== undefined };
  });
  if (opts.format === "json") {
    const json = { file: location.path, how: location.how, settings: Object.fromEntries(rows.map((r) => [r.key, { value: r.value, source: r.source }])) };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(`config file: ${location.path === null ? `none (${location.how})` : `${location.path} (${location.how})`}\n`);
  // The file's path is on the first line: a value from it shows `minispl.yaml:<line>`.
  const short = (source: string): string => (location.path === null ? source : source.split(`${location.path}:`).join(`${basename(location.path)}:`));
  const shown = rows.map((r) => ({ ...r, source: short(r.source), text: !r.set ? (DEFAULTS[r.key] ?? "") : Array.isArray(r.value) ? r.value.join(" ") : String(r.value) }));
  const keyWidth = Math.max(...shown.map((r) => r.key.length));
  const valueWidth = Math.max(...shown.map((r) => r.text.length));
  for (const r of shown) io.out(`${r.key.padEnd(keyWidth)}  ${r.text.padEnd(valueWidth)}  ${r.source}\n`);
  return EXIT.ok;
}
