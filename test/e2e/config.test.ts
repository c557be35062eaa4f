/**
 * Configuration end to end (README, "Configuration"): minispl.yaml, MINISPL_* variables, --escu,
 * --config/--no-config and `minispl config`. The test setup turns configuration off for every other
 * test (MINISPL_CONFIG=none, no MINISPL_* variables); these cases opt in with their own files and
 * variables, and the spawned ones also get their own HOME and current folder.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, type CliResult } from "../support/cli.js";
import { withEnv } from "../support/with-env.js";

const CLOCK = "| makeresults | eval t=strftime(now(), \"%Y-%m-%d %H:%M\") | table t";
const NOW = ["--now", "2024-01-01T00:30:00Z"];

/** A folder with a small security_content checkout (sc/) and a project (proj/) holding a copy of the Sysmon sample. */
function workspace(config?: string): { dir: string; sc: string; proj: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), "minispl-config-e2e-"));
  const sc = join(dir, "sc");
  for (const d of ["macros", "lookups", "detections"]) mkdirSync(join(sc, d), { recursive: true });
  writeFileSync(join(sc, "macros", "process_scrcons.yml"), "name: process_scrcons\ndefinition: (Processes.process_name=scrcons.exe)\ndescription: test macro\n");
  writeFileSync(join(sc, "detections", "scrcons.yml"), `name: Scrcons From ESCU Root
status: production
type: TTP
search: '| tstats count from datamodel=Endpoint.Processes where \`process_scrcons\` by Processes.dest | \`drop_dm_object_name(Processes)\` | \`scrcons_from_escu_root_filter\`'
tags:
  mitre_attack_id: [T1047]
  message: scrcons on $dest$
  risk_score: 10
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
`);
  const proj = join(dir, "proj");
  mkdirSync(join(proj, "logs"), { recursive: true });
  copyFileSync(join(ROOT, "samples/data/sysmon.xml"), join(proj, "logs", "sysmon.xml"));
  const file = join(proj, "minispl.yaml");
  if (config !== undefined) writeFileSync(file, config);
  return { dir, sc, proj, config: file };
}

const rowsOf = (r: CliResult) => JSON.parse(r.stdout) as Record<string, unknown>[];

describe("minispl.yaml and MINISPL_* variables", () => {
  it("takes tz, format and data from the file (paths relative to it); a flag wins", async () => {
    const w = workspace("tz: America/New_York\nformat: json\ndata: logs/\n");
    const r = await runCli(["search", CLOCK, ...NOW, "--config", w.config]);
    expect(r.code).toBe(0);
    expect(rowsOf(r)).toEqual([{ t: "2023-12-31 19:30" }]);
    expect(r.stderr).toContain("loaded 6 events from 1 file(s)");
    const flag = await runCli(["search", CLOCK, ...NOW, "--config", w.config, "--tz", "Asia/Tokyo", "--format", "csv", "--data", "samples/data/security.xml", "-q"]);
    expect(flag.stdout).toBe("t\n2024-01-01 09:30\n");
  });

  it("a variable beats the file; MINISPL_CONFIG names the file and --no-config ignores it", async () => {
    const w = workspace("tz: America/New_York\nformat: json\n");
    const env = await withEnv({ MINISPL_CONFIG: w.config, MINISPL_TZ: "Asia/Tokyo" }, () => runCli(["search", CLOCK, ...NOW]));
    expect(rowsOf(env)).toEqual([{ t: "2024-01-01 09:30" }]);
    const off = await withEnv({ MINISPL_CONFIG: w.config }, () => runCli(["search", CLOCK, ...NOW, "--no-config"]));
    expect(off.stdout).toContain("| 2024-01-01 00:30 |");
  });

  it("warns about an unknown key and goes on; a bad value is exit 2 naming file:line:col", async () => {
    const w = workspace("format: json\nmacro: x/\n");
    const r = await runCli(["search", "| makeresults | eval a=1 | table a", "--config", w.config]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: ${w.config}:2:1: unknown setting "macro" (ignored)\n  = hint: did you mean "macros"?\n`);
    expect(rowsOf(r)).toEqual([{ a: 1 }]);
    writeFileSync(w.config, "# defaults\ntz: Mars/Olympus\n");
    const bad = await runCli(["search", "| makeresults", "--config", w.config]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`error: ${w.config}:2:5: tz: unknown time zone "Mars/Olympus"\n`);
    expect(bad.stdout).toBe("");
    const tz = await withEnv({ MINISPL_TZ: "Nowhere" }, () => runCli(["search", "| makeresults"]));
    expect(tz.code).toBe(2);
    expect(tz.stderr).toContain('error: MINISPL_TZ=Nowhere: tz: unknown time zone "Nowhere"');
    const missing = await runCli(["search", "| makeresults", "--config", join(w.dir, "nope.yaml")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`error: --config ${join(w.dir, "nope.yaml")}: no such file`);
  });
});

describe("--escu <security_content>", () => {
  it("loads <root>/macros and is hunt's default --detections", async () => {
    const w = workspace();
    const q = "| tstats count from datamodel=Endpoint.Processes where `process_scrcons` by Processes.process_name";
    const r = await runCli(["search", q, "--escu", w.sc, "--data", "samples/data/sysmon.xml", "--format", "json", "-q"]);
    expect(r.stderr).toBe("");
    expect(rowsOf(r)).toEqual([{ "Processes.process_name": "scrcons.exe", count: 1 }]);
    const hunt = await withEnv({ MINISPL_ESCU: w.sc }, () => runCli(["hunt", "samples/data/sysmon.xml", "--format", "json", "-q", "-j", "1"]));
    expect(hunt.code).toBe(0);
    expect((JSON.parse(hunt.stdout) as { fired: { name: string }[] }).fired.map((f) => f.name)).toEqual(["Scrcons From ESCU Root"]);
  });

  it("comes from the file too, with --macros overriding ESCU's definitions", async () => {
    const w = workspace("escu: ../sc\nformat: json\n");
    writeFileSync(join(w.dir, "mine.conf"), "[process_scrcons]\ndefinition = (Processes.process_name=nothing.exe)\n");
    const q = "| tstats count from datamodel=Endpoint.Processes where `process_scrcons` by Processes.process_name";
    const escu = await runCli(["search", q, "--config", w.config, "--data", "samples/data/sysmon.xml", "-q"]);
    expect(rowsOf(escu)).toHaveLength(1);
    const mine = await runCli(["search", q, "--config", w.config, "--data", "samples/data/sysmon.xml", "-q", "--macros", join(w.dir, "mine.conf")]);
    expect(rowsOf(mine)).toEqual([]);
  });

  it("is an error when the folder has no macros/", async () => {
    const r = await runCli(["search", "| makeresults", "--escu", "samples"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: --escu samples: not a security_content checkout (no macros/ folder in it)");
  });

  it("is what an undefined ESCU macro's hint suggests", async () => {
    const r = await runCli(["search", "| makeresults | search `sysmon`"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[unknown-macro]: unknown macro `sysmon`");
    expect(r.stderr).toContain("= hint: `sysmon` is an ESCU macro: pass --escu <security_content> or --macros <dir>");
    const filter = await runCli(["search", "| makeresults | `my_detection_filter`"]);
    expect(filter.stderr).toContain("pass --escu <security_content> or --macros <dir>");
    const other = await runCli(["search", "| makeresults | `not_from_escu`"]);
    expect(other.stderr).toContain("unknown macro `not_from_escu`");
    expect(other.stderr).not.toContain("--escu");
    // Defined with another arity: the call is wrong, not the definitions.
    expect((await runCli(["search", "| makeresults | `security_content_ctime`"])).stderr).not.toContain("--escu");
  });
});

describe("minispl config", () => {
  it("prints each setting and where it came from", async () => {
    const w = workspace("escu: ../sc\ntz: Europe/Paris\n");
    const r = await withEnv({ MINISPL_DATA: "a.xml:b.xml", MINISPL_CONFIG: w.config }, () => runCli(["config", "--format", "json"]));
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { file: string; how: string; settings: Record<string, { value: unknown; source: string }> };
    expect(s.file).toBe(w.config);
    expect(s.how).toBe("MINISPL_CONFIG");
    expect(s.settings).toMatchObject({
      escu: { value: w.sc, source: `${w.config}:1` },
      macros: { value: [join(w.sc, "macros")], source: `escu (${w.config}:1)` },
      data: { value: ["a.xml", "b.xml"], source: "MINISPL_DATA" },
      tz: { value: "Europe/Paris", source: `${w.config}:2` },
      format: { value: "table", source: "default" },
    });
    const table = await runCli(["config", "--config", w.config]);
    expect(table.stdout).toContain(`config file: ${w.config} (--config)\n`);
    expect(table.stdout).toMatch(/^tz +Europe\/Paris +minispl\.yaml:2$/m);
    expect(table.stdout).toMatch(/^index +none +default$/m);
    expect((await runCli(["config"])).stdout).toContain("config file: none (MINISPL_CONFIG=none)\n");
  });

  it("finds minispl.yaml in the current folder or a parent, else ~/.config/minispl (a spawned CLI)", () => {
    const w = workspace("tz: Europe/Paris\n");
    const home = join(w.dir, "home");
    mkdirSync(join(home, ".config", "minispl"), { recursive: true });
    writeFileSync(join(home, ".config", "minispl", "minispl.yaml"), "tz: Asia/Tokyo\n");
    mkdirSync(join(w.proj, "deep", "er"), { recursive: true });
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, NO_COLOR: "1" };
    for (const v of ["MINISPL_CONFIG", "XDG_CONFIG_HOME"]) delete env[v];
    const config = (cwd: string) => {
      const r = spawnSync(process.execPath, [join(ROOT, "dist/cli/main.js"), "config", "--format", "json"], { cwd, env, encoding: "utf8" });
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout) as { file: string; settings: { tz: { value: string } } };
    };
    expect(config(join(w.proj, "deep", "er"))).toMatchObject({ file: w.config, settings: { tz: { value: "Europe/Paris" } } });
    expect(config(w.dir)).toMatchObject({ file: join(home, ".config", "minispl", "minispl.yaml"), settings: { tz: { value: "Asia/Tokyo" } } });
  });
});
