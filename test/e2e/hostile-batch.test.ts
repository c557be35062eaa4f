/**
 * Issue 10, "errors are data everywhere": in a batch, a detection whose search is hostile (nesting
 * that overflowed the parser's stack, a macro fan-out of 262k tokens, a 1 GB printf) gets its
 * diagnostic, and the next detection still runs; no JavaScript stack trace reaches the user.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const SEED = "samples/detections/script_execution_via_wmi.yml";

/** A minimal detection whose search is `search`, named `name`. */
const detection = (name: string, search: string) =>
  `name: ${name}\nid: 00000000-0000-0000-0000-000000000000\nversion: 1\nstatus: experimental\ntype: TTP\nsearch: ${JSON.stringify(search)}\n`;

const fanOut = Array.from({ length: 7 }, (_, i) =>
  `[m${i}]\ndefinition = ${i === 6 ? "a=1 b=2" : Array.from({ length: 8 }, () => `\`m${i + 1}\``).join(" ")}\n`).join("\n");

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-hostile-"));
  // Sorted: a_, b_ and c_ run before the ESCU seed detection (z_).
  writeFileSync(join(dir, "a_deep.yml"), detection("Deep Parentheses", `search ${"(".repeat(400)}a=1${")".repeat(400)}`));
  writeFileSync(join(dir, "b_fanout.yml"), detection("Macro Fan Out", "search `m0`"));
  writeFileSync(join(dir, "c_printf.yml"), detection("Huge Printf", '| makeresults | eval s=printf("%0999999999d",1), t="kept"'));
  copyFileSync(SEED, join(dir, "z_seed.yml"));
  writeFileSync(join(dir, "macros.conf"), fanOut);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a hostile detection does not end the batch", () => {
  it("detect: each gets its diagnostic, the seed detection still finds its rows, exit 2", async () => {
    const r = await runCli(["detect", dir, "--macros", join(dir, "macros.conf"), "--data", "samples/data/", "--format", "json", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[too-deep]: parentheses, brackets and NOT/- operators nested deeper than 100 levels");
    expect(r.stderr).toContain("error[macro-size]: macro expansion passes 100,000 tokens in total at `m6`");
    expect(r.stderr).toContain("warning[value-too-large]: printf(): the width 999999999 would be larger than 10,485,760 characters");
    expect(r.stderr).not.toMatch(/RangeError|\n\s+at /);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.filter((x) => x.search_name === "ESCU - Script Execution via WMI - Rule")).toHaveLength(3);
    expect(rows.filter((x) => x.search_name === "ESCU - Huge Printf - Rule")).toEqual([expect.objectContaining({ t: "kept" })]);
  });

  it("check: the stage of each, exit 0", async () => {
    const r = await runCli(["check", dir, "--macros", join(dir, "macros.conf"), "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { name: string; stage: string; message?: string }[] };
    expect(out.results.map((x) => [x.name, x.stage])).toEqual([
      ["Deep Parentheses", "parse"],
      ["Macro Fan Out", "macro"],
      ["Huge Printf", "ok"],
      ["Script Execution via WMI", "ok"],
    ]);
  });

  it("search: --debug is accepted, and the one-line diagnostic is the same", async () => {
    const r = await runCli(["search", `| makeresults | eval x=${"abs(".repeat(300)}1${")".repeat(300)}`, "--debug", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[too-deep]");
    expect(r.stderr).toContain(" --> query:1:");
  });
});
