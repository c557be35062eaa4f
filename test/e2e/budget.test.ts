/**
 * Issue 10, "a budget for every search", from the command line: `| makeresults count=100000000`,
 * `mvrange` + `mvexpand` and `map maxsearches=1000000000` end with a diagnostic naming the budget
 * and the flag that raises it, the rest of a batch runs, and the exit codes are the README's.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, spawnCli } from "../support/cli.js";

const SEED = "samples/detections/script_execution_via_wmi.yml";
const MAP_BOMB = '| makeresults count=1000000 | map maxsearches=1000000000 search="| makeresults | eval n=$_serial_id$"';
const MVEXPAND_BOMB = '| makeresults | eval big=printf("%01000000d", 0), r=mvrange(0, 300) | eval x=mvmap(r, big) | mvexpand x | stats count';

const detection = (name: string, search: string) =>
  `name: ${name}\nid: 00000000-0000-0000-0000-000000000000\nversion: 1\nstatus: experimental\ntype: TTP\nsearch: ${JSON.stringify(search)}\n`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-budget-"));
  // Sorted: the three bombs run before the ESCU seed detection (z_).
  writeFileSync(join(dir, "a_makeresults.yml"), detection("Makeresults Bomb", "| makeresults count=100000000"));
  writeFileSync(join(dir, "b_map.yml"), detection("Map Bomb", MAP_BOMB));
  writeFileSync(join(dir, "c_mvexpand.yml"), detection("Mvexpand Bomb", MVEXPAND_BOMB));
  copyFileSync(SEED, join(dir, "z_seed.yml"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("minispl search: budgets", () => {
  it("makeresults count=100000000: error[budget] at once, naming --max-rows; exit 2", async () => {
    const r = await runCli(["search", "| makeresults count=100000000", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[budget]: makeresults count=100000000 would make 100,000,000 rows, more than the search's row budget of 50,000,000");
    expect(r.stderr).toContain("= hint: raise it with --max-rows <n> (0: no limit)");
  });

  it("map maxsearches=1000000000 under --timeout 1: error[budget] naming --timeout; exit 2", async () => {
    const r = await runCli(["search", MAP_BOMB, "--timeout", "1", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[budget]: the search ran past its time budget of 1 s");
    expect(r.stderr).toContain("= hint: raise it with --timeout <seconds> (0: no limit)");
  });

  it("--max-rows raises the row budget", async () => {
    const r = await runCli(["search", "| makeresults count=20 | stats count", "--max-rows", "10", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("makeresults count=20 would make 20 rows, more than the search's row budget of 10");
    const ok = await runCli(["search", "| makeresults count=20 | stats count", "--max-rows", "20", "-q", "--format", "json"]);
    expect(JSON.parse(ok.stdout)).toEqual([{ count: 20 }]);
  });

  it("--max-memory: a search that grows the heap past it ends with error[budget] naming --max-memory", () => {
    // A fresh process: the heap a search starts from holds no other test's garbage.
    const r = spawnCli(["search", "| makeresults count=1000000 | eval x=tostring(random()) | stats count", "--max-memory", "1", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[budget\]: the search grew the heap by [\d,]+ MB, more than its memory budget of 1 MB/);
    expect(r.stderr).toContain("= hint: raise it with --max-memory <MB> (0: no limit)");
  });

  it.each([
    [["--timeout", "soon"], "argument 'soon' is invalid. expected a number of seconds, 0 or more (0: no limit)"],
    [["--max-rows", "-1"], "argument '-1' is invalid. expected a whole number, 0 or more (0: no limit)"],
    [["--max-memory", "1.5"], "argument '1.5' is invalid. expected a whole number, 0 or more (0: no limit)"],
  ])("usage error %j: exit 2, one line and a hint", async (flags, message) => {
    const r = await runCli(["search", "| makeresults", ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("= hint: run `minispl search --help`");
  });
});

describe("a batch goes on past a budget", () => {
  it("detect: each bomb gets its diagnostic, the seed detection still finds its rows; exit 2", async () => {
    const r = await runCli(["detect", dir, "--data", "samples/data/", "--timeout", "2", "--format", "json", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[budget]: makeresults count=100000000 would make 100,000,000 rows");
    expect(r.stderr).toContain("error[budget]: the search ran past its time budget of 2 s");
    expect(r.stderr).toContain("warning[runtime-error]: mvexpand: output truncated at 262 results: the expansion would need more than 500 MB (Splunk's limits.conf [mvexpand] max_mem_usage_mb)");
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.filter((x) => x.search_name === "ESCU - Mvexpand Bomb - Rule")).toEqual([{ search_name: "ESCU - Mvexpand Bomb - Rule", count: 262 }]);
    expect(rows.filter((x) => x.search_name === "ESCU - Script Execution via WMI - Rule")).toHaveLength(3);
  });

  it("check --data: a budget stop is the run stage of that detection; exit 0", async () => {
    const r = await runCli(["check", dir, "--data", "samples/data/", "--timeout", "2", "--format", "json", "-q"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { name: string; stage: string; rows?: number }[] };
    expect(out.results.map((x) => [x.name, x.stage, x.rows])).toEqual([
      ["Makeresults Bomb", "run", undefined],
      ["Map Bomb", "run", undefined],
      ["Mvexpand Bomb", "ok", 1],
      ["Script Execution via WMI", "ok", 3],
    ]);
  });

  it("test: a budget stop is that test's error; the others pass; exit 1", async () => {
    // Apart from `dir`: detect and check above read it recursively.
    const base = mkdtempSync(join(tmpdir(), "minispl-budget-test-"));
    const root = join(base, "attack");
    const rel = "datasets/attack_techniques/T1047/execution_scrcons/windows-sysmon.log";
    mkdirSync(join(root, rel, ".."), { recursive: true });
    copyFileSync("samples/data/sysmon.xml", join(root, rel));
    const dets = join(base, "tested");
    mkdirSync(dets);
    const seed = readFileSync(SEED, "utf8");
    writeFileSync(join(dets, "a_bomb.yml"), seed.replace("name: Script Execution via WMI", "name: Bomb").replace(/^search: .*$/m, "search: '| makeresults count=100000000'"));
    copyFileSync(SEED, join(dets, "z_seed.yml"));
    const r = await runCli(["test", dets, "--attack-data", root, "--format", "json"]);
    rmSync(base, { recursive: true, force: true });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { results: { name: string; status: string; message: string }[] };
    expect(out.results.map((x) => [x.name, x.status])).toEqual([["Bomb", "error"], ["Script Execution via WMI", "pass"]]);
    expect(out.results[0]?.message).toBe("makeresults count=100000000 would make 100,000,000 rows, more than the search's row budget of 50,000,000");
  });
});

describe("minispl repl: Ctrl-C", () => {
  it("cancels the running search with error[cancelled]; the session and its data stay", async () => {
    const child = spawn(process.execPath, ["dist/cli/main.js", "repl", "--data", "samples/data/sysmon.xml", "--format", "json"], {
      cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => void (stdout += b.toString()));
    child.stderr.on("data", (b: Buffer) => void (stderr += b.toString()));
    const until = async (test: () => boolean) => {
      while (!test()) await new Promise((r) => setTimeout(r, 50));
    };
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    // The session is ready once a first search answered; then a search that runs for minutes.
    child.stdin.write("| makeresults | eval ready=1\n");
    await until(() => stdout.includes('"ready": 1'));
    child.stdin.write(`${MAP_BOMB}\n`);
    await new Promise((r) => setTimeout(r, 500));
    child.kill("SIGINT");
    await until(() => stderr.includes("error[cancelled]"));
    child.stdin.write("index=* | stats count\n.exit\n");
    expect(await exited).toBe(0);
    expect(stderr).toContain("error[cancelled]: the search was cancelled (Ctrl-C)");
    expect(stderr).not.toContain("reloading");
    expect(stdout).toContain('"count": 6');
  }, 60_000);
});
