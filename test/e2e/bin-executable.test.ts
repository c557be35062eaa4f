/**
 * `npx minispl …` (the README's first command) runs the package's bin file directly, so it must be
 * executable; tsc writes new files 0644, and `prepare`/`build` set the mode (a fresh clone once
 * failed with "minispl: Permission denied").
 */
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the minispl bin", () => {
  it("is executable after npm install (prepare)", () => {
    expect(statSync("dist/cli/main.js").mode & 0o111).not.toBe(0);
  });
});
