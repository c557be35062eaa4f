/** `--csv-dir`: inputcsv/outputcsv stay inside the folder (no paths, no .., no symlinks out). */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diskCsvFolder } from "../../../../src/cli/csv-dir.js";
import { EventStore, runSearch } from "../../../../src/index.js";

function folder(): { dir: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), "minispl-csvdir-"));
  const dir = join(root, "csv");
  mkdirSync(dir);
  const outside = join(root, "secret.csv");
  writeFileSync(outside, "k\nsecret\n");
  writeFileSync(join(dir, "all.csv"), "_raw,n\nan error,1\nfine,2\n");
  symlinkSync(outside, join(dir, "link.csv"));
  return { dir, outside };
}

const run = (q: string, dir: string) => runSearch(q, new EventStore(), { now: 1_700_000_000, csv: diskCsvFolder(dir) });
const errors = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);

describe("diskCsvFolder", () => {
  it("reads a plain file name of the folder and writes one beside it", () => {
    const { dir } = folder();
    const r = run("| inputcsv all.csv | search error | outputcsv errors", dir);
    expect(errors(r)).toEqual([]);
    expect(r.table?.rows()).toEqual([{ _raw: "an error", n: "1" }]);
    expect(readFileSync(join(dir, "errors.csv"), "utf8")).toBe("_raw,n\nan error,1\n");
  });

  it("refuses names with a directory part, .., absolute paths and hidden names at check time", () => {
    const { dir } = folder();
    for (const name of ["../secret.csv", "..", '"/etc/passwd"', "sub/x.csv", ".hidden.csv", '"..\\\\secret.csv"']) {
      const r = run(`| inputcsv ${name}`, dir);
      expect(r.diagnostics.find((d) => d.severity === "error")?.code, name).toBe("bad-argument");
    }
    expect(errors(run("| makeresults | outputcsv ../escape.csv", dir))).toHaveLength(1);
    expect(existsSync(join(dir, "..", "escape.csv"))).toBe(false);
  });

  it("never reads or writes through a symlink, even one inside the folder", () => {
    const { dir, outside } = folder();
    const read = run("| inputcsv strict=true link.csv", dir);
    expect(errors(read).join()).toMatch(/not a regular file/);
    const write = run('| makeresults | eval k="overwritten" | outputcsv link.csv', dir);
    expect(errors(write).join()).toMatch(/not a regular file/);
    expect(readFileSync(outside, "utf8")).toBe("k\nsecret\n");
  });

  it("deletes the folder's file when no results come and override_if_empty is true (the default)", () => {
    const { dir } = folder();
    expect(errors(run("| makeresults | where 1=2 | outputcsv all.csv", dir))).toEqual([]);
    expect(existsSync(join(dir, "all.csv"))).toBe(false);
  });
});
