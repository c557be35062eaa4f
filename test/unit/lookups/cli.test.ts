/**
 * `--lookups <dir>` on the CLI: loading definitions and tables, problems as file:line warnings,
 * and outputlookup writing CSV files only directly inside the first directory.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lookupFileWriter, safeTarget } from "../../../src/cli/lookups.js";
import { runCli } from "../../support/cli.js";

const root = mkdtempSync(join(tmpdir(), "minispl-lookups-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dir(name: string, files: Record<string, string> = {}): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
}

describe("safeTarget", () => {
  const d = dir("safe");

  it("accepts a plain .csv name inside the directory", () => {
    expect(safeTarget(d, "x.csv")).toMatch(/safe[/\\]x\.csv$/);
  });

  it.each(["../x.csv", "sub/x.csv", "..\\x.csv", ".hidden.csv", "x.txt", "/etc/x.csv", "x.csv.gz"])("refuses %s", (name) => {
    expect(() => safeTarget(d, name)).toThrow();
  });

  it("never writes through a symlink", () => {
    const outside = join(root, "outside.csv");
    writeFileSync(outside, "a\n");
    symlinkSync(outside, join(d, "link.csv"));
    expect(() => safeTarget(d, "link.csv")).toThrow(/not a regular file/);
  });

  it("refuses when the first --lookups path is not a directory", () => {
    const file = join(root, "plain-file");
    writeFileSync(file, "");
    expect(() => safeTarget(file, "x.csv")).toThrow(/not a directory/);
  });
});

describe("lookupFileWriter", () => {
  it("keeps writes in memory (with a warning) without a directory, and never deletes files", () => {
    const warnings: string[] = [];
    const d = dir("writer", { "keep.csv": "a\n1\n" });
    lookupFileWriter(undefined, (m) => warnings.push(m))({ name: "t.csv", filename: "t.csv", table: { fields: ["a"], rows: [] } });
    lookupFileWriter(d, (m) => warnings.push(m))({ name: "keep.csv", filename: "keep.csv", table: null });
    expect(readFileSync(join(d, "keep.csv"), "utf8")).toBe("a\n1\n");
    expect(warnings).toEqual([
      "outputlookup t.csv: no --lookups directory, so t.csv is kept in memory for this run only",
      expect.stringContaining("outputlookup keep.csv: no results;"),
    ]);
  });
});

describe("minispl search --lookups", () => {
  it("writes into the first directory and reads it back in the next run", async () => {
    const first = dir("run-first");
    const second = dir("run-second", { "users.yml": "name: users\nfilename: users.csv\n", "users.csv": "user,dept\nbob,ops\n" });
    const w = await runCli(["search", '| makeresults | eval user="bob", n=1 | fields - _time | lookup users user OUTPUT dept | outputlookup out.csv', "--lookups", first, "--lookups", second, "--format", "json"]);
    expect(w.stderr).toBe("");
    expect(w.code).toBe(0);
    expect(readFileSync(join(first, "out.csv"), "utf8")).toBe("user,n,dept\nbob,1,ops\n");
    expect(existsSync(join(second, "out.csv"))).toBe(false);
    const r = await runCli(["search", "| inputlookup out.csv", "--lookups", first, "--format", "json"]);
    expect(JSON.parse(r.stdout)).toEqual([{ user: "bob", n: "1", dept: "ops" }]);
  });

  it("refuses a name that leaves the directory (exit 2, nothing written)", async () => {
    const d = dir("run-escape");
    const r = await runCli(["search", '| makeresults | outputlookup "../escaped.csv"', "--lookups", d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("outputlookup: cannot write ../escaped.csv");
    expect(existsSync(join(root, "escaped.csv"))).toBe(false);
  });

  it("prints bad CSV rows as file:line warnings and a missing table as a warning, still exiting 0", async () => {
    const d = dir("run-bad", { "bad.csv": "a,b\n1\n" });
    const r = await runCli(["search", "| inputlookup bad.csv | lookup nowhere a OUTPUT c", "--lookups", d, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("bad.csv:2: row has 1 field(s), the header has 2");
    expect(r.stderr).toContain('lookup: no lookup definition or CSV file is named "nowhere"; using an empty table');
    expect(JSON.parse(r.stdout)).toEqual([{ a: "1" }]);
  });

  it("a --lookups path that does not exist is an input error (exit 3)", async () => {
    const r = await runCli(["search", "| makeresults", "--lookups", join(root, "missing")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("--lookups");
  });
});
