import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../../src/cli/version.js";
import { runCli } from "../../support/cli.js";

describe("the version", () => {
  // bin.ts answers --version itself, before loading the CLI: the two must not drift apart.
  it("is package.json's, and commander's --version prints it", async () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const r = await runCli(["--version"]);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
