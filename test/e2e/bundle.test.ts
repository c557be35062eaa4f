/**
 * The bundled CLI (dist/bundle/, scripts/bundle.mjs after tsc; issue 11 item 10) as a user runs
 * it: the bin file executed directly, in a child process. The other e2e tests run tsc's
 * dist/cli/main.js; these check what only the bundle can get wrong: its shebang and mode, and
 * every worker thread the CLI starts by URL (index, test, hunt's and the REPL's own module), each
 * of which must resolve to a file of the flat bundle and run its role check there.
 * Skipped when dist/bundle is absent (plain tsc); `npm test` builds it in pretest.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/cli.js";

const BUNDLE = join(ROOT, "dist/bundle/main.js");
const LAUNCHER = join(ROOT, "dist/cli/bin.js");
const present = existsSync(BUNDLE);
if (!present) console.warn("test/e2e/bundle.test.ts: skipped, dist/bundle/main.js is missing (run `npm run build`)");

const SEED = "samples/detections/script_execution_via_wmi.yml";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Executes `bin` itself (its shebang, its mode), from the repository root, with its own --data cache. */
function run(args: readonly string[], input?: string, bin = BUNDLE): Run {
  const cache = mkdtempSync(join(tmpdir(), "minispl-bundle-cache-"));
  const r = spawnSync(bin, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cache }, ...(input !== undefined ? { input } : {}) });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `copies` renamed copies of the sample detection (as test-command.test.ts does), so a command has work for two workers. */
function detectionCopies(copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), "minispl-bundle-dets-"));
  const yaml = readFileSync(SEED, "utf8");
  for (let i = 0; i < copies; i++) {
    writeFileSync(join(dir, `d${i}.yml`), yaml.replace("name: Script Execution via WMI", `name: Copy ${i}`).replace("script_execution_via_wmi_filter", `copy_${i}_filter`));
  }
  return dir;
}

describe.skipIf(!present)("the bundled minispl (dist/bundle; skipped without it: run npm run build)", () => {
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

  it("prints --version, from the bundle and from the package.json bin (the launcher)", () => {
    expect(statSync(BUNDLE).mode & 0o111).not.toBe(0);
    expect(statSync(LAUNCHER).mode & 0o111).not.toBe(0);
    for (const bin of [BUNDLE, LAUNCHER]) {
      const r = run(["--version"], undefined, bin);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it("runs a search (the parser, with chevrotain loaded from node_modules)", () => {
    const r = run(["search", "| makeresults | eval x=1", "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { x: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.x).toBe(1);
  });

  it("indexes samples/data with two index workers, and the index answers like the files", () => {
    const idx = join(mkdtempSync(join(tmpdir(), "minispl-bundle-idx-")), "idx");
    const built = run(["index", "samples/data", "-o", idx, "--jobs", "2", "-q", "--format", "json"]);
    expect(built.stderr).not.toMatch(/error/i);
    expect(built.code).toBe(0);
    const count = (args: string[]) => {
      const r = run(["search", "index=* | stats count", "--format", "json", "-q", ...args]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { count: number }[])[0]?.count;
    };
    const fromFiles = count(["--data", "samples/data", "--no-cache"]);
    expect(fromFiles).toBeGreaterThan(0);
    expect(count(["--index", idx])).toBe(fromFiles);
  });

  it("tests nine detections in two test workers, in file order", () => {
    const root = mkdtempSync(join(tmpdir(), "minispl-bundle-attack-"));
    const rel = "datasets/attack_techniques/T1047/execution_scrcons/windows-sysmon.log";
    mkdirSync(join(root, "datasets/attack_techniques/T1047/execution_scrcons"), { recursive: true });
    copyFileSync("samples/data/sysmon.xml", join(root, rel));
    const r = run(["test", detectionCopies(9), "--attack-data", root, "--jobs", "2", "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { name: string; status: string }[] };
    expect(out.results.map((x) => x.name)).toEqual(Array.from({ length: 9 }, (_, i) => `Copy ${i}`));
    expect(out.results.every((x) => x.status === "pass")).toBe(true);
  });

  it("hunts with -j 2 (hunt-command's chunk is its own worker)", () => {
    // samples/detections holds one detection, and hunt starts no more workers than detections: add a copy.
    const r = run(["hunt", "samples/data", "--detections", "samples/detections", detectionCopies(1), "-j", "2", "--format", "json"]);
    expect(r.stderr).toContain("2 of 2 detection(s) selected");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { detections: number; fired: { name: string; results: number }[]; failed: unknown[] };
    expect(out.detections).toBe(2);
    expect(out.failed).toEqual([]);
    expect(out.fired.map((f) => f.name).sort()).toEqual(["Copy 0", "Script Execution via WMI"]);
    expect(out.fired.every((f) => f.results > 0)).toBe(true);
  });

  it("runs the REPL, whose engine is a worker on repl-command's chunk, from piped stdin", () => {
    const r = run(["repl"], "| makeresults | eval x=42 | table x\n.exit\n");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| x +\|/);
    expect(r.stdout).toMatch(/\| 42 +\|/);
    expect(r.stdout).toContain("1 result\n");
  });
});
