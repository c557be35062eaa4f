/**
 * `minispl web` as a command: its usage errors (exit 2 with the one-line hint) and inputs it
 * cannot load (exit 3 with the reason, as `search` says it), before it would serve anything.
 */
import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../../support/cli.js";

describe("minispl web", () => {
  it("refuses a bad --port as a usage error", async () => {
    const r = await runCli(["web", "--port", "99999"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: option '--port <n>' argument '99999' is invalid. expected a port number, 0 to 65535 (0: any free port)");
    expect(r.stderr).toContain("= hint: run `minispl web --help`");
  });

  it("documents its options", async () => {
    const r = await runCli(["web", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--port <n>\s+port on 127\.0\.0\.1/);
    expect(r.stdout).toContain("--escu <root>");
    expect(r.stdout).toContain("minispl web --data samples/data/ --detections samples/detections/");
  });

  it("exits 3 with the reason when its data cannot be loaded (the built CLI, its engine in a worker)", () => {
    const r = spawnCli(["web", "--data", "no/such/dir", "--port", "0"]);
    expect(r.stderr).toBe("error: --data no/such/dir: no such file or directory\n");
    expect(r.code).toBe(3);
  });
});
