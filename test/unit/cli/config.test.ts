/**
 * minispl.yaml, MINISPL_* variables and their precedence (src/cli/config.ts, config-file.ts).
 * Every case passes its own environment and folders: nothing here reads the developer's files.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, locateConfig, readConfigFile } from "../../../src/cli/config-file.js";
import { loadConfigFile, resolveSettings, SETTING_KEYS } from "../../../src/cli/config.js";

/** A temp tree: `files` maps relative paths to contents ("" with a trailing / makes a folder). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "minispl-config-"));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    if (path.endsWith("/")) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(join(full, ".."), { recursive: true });
      writeFileSync(full, text);
    }
  }
  return root;
}

/** An environment with HOME inside the tree and no XDG_CONFIG_HOME, plus `more`. */
const envIn = (root: string, more: Record<string, string> = {}): NodeJS.ProcessEnv => ({ HOME: join(root, "home"), ...more });

/** The settings `keys` resolve to with `cli` flags typed, in `cwd` with `env`. */
function settings(cwd: string, env: NodeJS.ProcessEnv, cli: Record<string, unknown> = {}, flag?: string | false) {
  const { file } = loadConfigFile(flag, { env, cwd });
  const r = resolveSettings({ env, cwd, cli: new Map(Object.entries(cli)), file, keys: new Set(SETTING_KEYS) });
  return Object.fromEntries([...r].map(([k, v]) => [k, { value: v.value, source: v.source }]));
}

describe("finding minispl.yaml", () => {
  it("takes the current folder's, else the nearest parent's, else the user's", () => {
    const root = tree({ "proj/minispl.yaml": "tz: UTC\n", "proj/a/b/": "", "home/.config/minispl/minispl.yaml": "tz: UTC\n", "other/": "" });
    const env = envIn(root);
    expect(locateConfig(undefined, { env, cwd: join(root, "proj") })).toEqual({ path: join(root, "proj/minispl.yaml"), how: "current folder or a parent" });
    expect(locateConfig(undefined, { env, cwd: join(root, "proj/a/b") }).path).toBe(join(root, "proj/minispl.yaml"));
    expect(locateConfig(undefined, { env, cwd: join(root, "other") })).toEqual({ path: join(root, "home/.config/minispl/minispl.yaml"), how: "user config" });
  });

  it("honours XDG_CONFIG_HOME, and finds none when there is none", () => {
    const root = tree({ "xdg/minispl/minispl.yaml": "", "home/.config/minispl/minispl.yaml": "", "cwd/": "" });
    const cwd = join(root, "cwd");
    expect(locateConfig(undefined, { env: envIn(root, { XDG_CONFIG_HOME: join(root, "xdg") }), cwd }).path).toBe(join(root, "xdg/minispl/minispl.yaml"));
    expect(locateConfig(undefined, { env: { HOME: join(root, "nohome") }, cwd })).toEqual({ path: null, how: "no minispl.yaml found" });
  });

  it("--config beats MINISPL_CONFIG beats discovery; --no-config and MINISPL_CONFIG=none read none", () => {
    const root = tree({ "minispl.yaml": "", "x.yaml": "", "y.yaml": "" });
    const env = envIn(root, { MINISPL_CONFIG: "y.yaml" });
    expect(locateConfig("x.yaml", { env, cwd: root })).toEqual({ path: join(root, "x.yaml"), how: "--config" });
    expect(locateConfig(undefined, { env, cwd: root })).toEqual({ path: join(root, "y.yaml"), how: "MINISPL_CONFIG" });
    expect(locateConfig(false, { env, cwd: root })).toEqual({ path: null, how: "--no-config" });
    expect(locateConfig(undefined, { env: { ...env, MINISPL_CONFIG: "none" }, cwd: root })).toEqual({ path: null, how: "MINISPL_CONFIG=none" });
    expect(locateConfig(undefined, { env: { ...env, MINISPL_CONFIG: "" }, cwd: root }).path).toBe(join(root, "minispl.yaml"));
  });
});

describe("reading minispl.yaml", () => {
  it("warns about an unknown key with a did-you-mean, with file:line:col", () => {
    const root = tree({ "minispl.yaml": "tz: UTC\nmarcos: m/\nmax_events: 3\ncolour: red\n" });
    const file = readConfigFile(join(root, "minispl.yaml"), "found", SETTING_KEYS);
    expect(file.warnings).toEqual([
      `${root}/minispl.yaml:2:1: unknown setting "marcos" (ignored)\n  = hint: did you mean "macros"?`,
      `${root}/minispl.yaml:3:1: unknown setting "max_events" (ignored)\n  = hint: did you mean "max-events"?`,
      `${root}/minispl.yaml:4:1: unknown setting "colour" (ignored)\n  = hint: the settings are ${SETTING_KEYS.join(", ")}`,
    ]);
    expect([...file.entries.keys()]).toEqual(["tz"]);
  });

  it("reports YAML that does not parse, or is not a mapping, at its position", () => {
    const root = tree({ "bad.yaml": "tz: UTC\ntz: Europe/Paris\n", "list.yaml": "- tz\n", "empty.yaml": "# nothing yet\n" });
    expect(() => readConfigFile(join(root, "bad.yaml"), "--config", SETTING_KEYS)).toThrow(new RegExp(`^${root}/bad\\.yaml:2:1: .*unique`));
    expect(() => readConfigFile(join(root, "list.yaml"), "--config", SETTING_KEYS)).toThrow(`${root}/list.yaml:1:1: expected settings as \`key: value\` lines`);
    expect(readConfigFile(join(root, "empty.yaml"), "--config", SETTING_KEYS).entries.size).toBe(0);
    expect(() => readConfigFile(join(root, "none.yaml"), "--config", SETTING_KEYS)).toThrow(ConfigError);
    expect(() => readConfigFile(join(root, "none.yaml"), "--config", SETTING_KEYS)).toThrow(`--config ${root}/none.yaml: no such file`);
    expect(() => readConfigFile(root, "MINISPL_CONFIG", SETTING_KEYS)).toThrow(`MINISPL_CONFIG=${root}: a folder, not a file`);
  });
});

describe("resolving the settings", () => {
  it("flag > variable > file > default, paths in the file relative to its folder", () => {
    const root = tree({ "proj/minispl.yaml": "tz: Europe/Paris\nmacros: [m1/, /abs/m2]\nlookups: l/\nformat: json\nmax-events: 7\nfields: user, CommandLine\n", "proj/sub/": "" });
    const cwd = join(root, "proj/sub");
    const file = join(root, "proj/minispl.yaml");
    expect(settings(cwd, envIn(root))).toEqual({
      tz: { value: "Europe/Paris", source: `${file}:1` },
      macros: { value: [join(root, "proj/m1"), "/abs/m2"], source: `${file}:2` },
      lookups: { value: [join(root, "proj/l")], source: `${file}:3` },
      format: { value: "json", source: `${file}:4` },
      "max-events": { value: 7, source: `${file}:5` },
      fields: { value: ["user", "CommandLine"], source: `${file}:6` },
    });
    const env = envIn(root, { MINISPL_TZ: "Asia/Tokyo", MINISPL_MACROS: "a:b/c", MINISPL_LOOKUPS: "" });
    const both = settings(cwd, env);
    expect(both.tz).toEqual({ value: "Asia/Tokyo", source: "MINISPL_TZ" });
    expect(both.macros).toEqual({ value: ["a", "b/c"], source: "MINISPL_MACROS" });
    expect(both.lookups?.source).toBe(`${file}:3`);
    expect(settings(cwd, env, { tz: "America/New_York" }).tz).toEqual({ value: "America/New_York", source: "--tz" });
    expect(settings(cwd, env, {}, false).tz).toEqual({ value: "Asia/Tokyo", source: "MINISPL_TZ" });
    expect(settings(cwd, envIn(root), {}, false)).toEqual({});
  });

  it("treats data and index as one choice", () => {
    const root = tree({ "minispl.yaml": "data: logs/\n" });
    expect(settings(root, envIn(root)).data).toEqual({ value: [join(root, "logs")], source: `${root}/minispl.yaml:1` });
    // The variable names the events: the file's data is not added.
    expect(settings(root, envIn(root, { MINISPL_INDEX: "idx" }))).toEqual({ index: { value: "idx", source: "MINISPL_INDEX" } });
    // So does the command line.
    expect(settings(root, envIn(root, { MINISPL_DATA: "x" }), { index: "i" })).toEqual({ index: { value: "i", source: "--index" } });
    // And hunt's log arguments.
    const { file } = loadConfigFile(undefined, { env: envIn(root), cwd: root });
    expect(resolveSettings({ env: envIn(root), cwd: root, cli: new Map(), cliEvents: true, file, keys: new Set(SETTING_KEYS) }).has("data")).toBe(false);
  });

  it("escu: its macros before the others, its lookups after, hunt's default detections", () => {
    const root = tree({ "sc/macros/": "", "sc/lookups/": "", "minispl.yaml": "escu: sc\nlookups: mine/\n" });
    const file = `${root}/minispl.yaml`;
    const r = settings(root, envIn(root), { macros: ["my.conf"] });
    expect(r.escu).toEqual({ value: join(root, "sc"), source: `${file}:1` });
    expect(r.macros).toEqual({ value: [join(root, "sc/macros"), "my.conf"], source: `--macros + escu (${file}:1)` });
    expect(r.lookups).toEqual({ value: [join(root, "mine"), join(root, "sc/lookups")], source: `${file}:2 + escu (${file}:1)` });
    expect(r.detections).toEqual({ value: [join(root, "sc/detections")], source: `escu (${file}:1)` });
    expect(settings(root, envIn(root), { escu: join(root, "sc"), detections: ["d/"] }).detections).toEqual({ value: ["d/"], source: "--detections" });
  });

  it("reports a bad value with file:line:col or the variable's name", () => {
    const root = tree({
      "tz.yaml": "format: json\ntz:   Mars/Base\n", "fmt.yaml": "format: xml\n", "n.yaml": "max-events: -3\n", "list.yaml": "tz: [UTC]\n",
      "escu.yaml": "escu: nowhere/\n",
    });
    const bad = (name: string) => () => settings(root, envIn(root), {}, join(root, name));
    expect(bad("tz.yaml")).toThrow(`${root}/tz.yaml:2:7: tz: unknown time zone "Mars/Base"`);
    expect(bad("fmt.yaml")).toThrow(`${root}/fmt.yaml:1:9: format: expected table, json, csv or ndjson`);
    expect(bad("n.yaml")).toThrow(`${root}/n.yaml:1:13: max-events: expected a whole number of events`);
    expect(bad("list.yaml")).toThrow(`${root}/list.yaml:1:5: tz: expected a value, not a list`);
    expect(bad("escu.yaml")).toThrow(`${root}/escu.yaml:1:7: escu: ${root}/nowhere: not a security_content checkout (no macros/ folder in it)`);
    expect(() => settings(root, envIn(root, { MINISPL_TZ: "Nowhere" }), {}, false)).toThrow('MINISPL_TZ=Nowhere: tz: unknown time zone "Nowhere"');
    expect(() => settings(root, envIn(root), { escu: "nowhere" }, false)).toThrow("--escu nowhere: not a security_content checkout");
  });
});
