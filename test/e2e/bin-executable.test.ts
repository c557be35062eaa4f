/**
 * `npx minispl …` (the README's first command) runs the package's bin file directly, so it must be
 * executable; tsc writes new files 0644, and `prepare`/`build` set the mode (a fresh clone once
 * failed with "minispl: Permission denied"). The bin is the launcher dist/cli/bin.js (it runs
 * dist/bundle/main.js, or dist/cli/main.js without a bundle); main.js is still run directly too.
 */
import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the minispl bin", () => {
  it("is executable after npm install (prepare)", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { bin: Record<string, string> };
    expect(pkg.bin.minispl).toBe("dist/cli/bin.js");
    for (const file of [pkg.bin.minispl as string, "dist/cli/main.js"]) expect(statSync(file).mode & 0o111).not.toBe(0);
  });
});
