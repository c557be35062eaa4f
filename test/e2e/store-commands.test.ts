/** The CLI's --csv-dir (inputcsv/outputcsv) and --detections (savedsearch) on search and detect. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const SEED = "samples/detections/script_execution_via_wmi.yml";

describe("search --csv-dir", () => {
  it("outputcsv writes into the folder and inputcsv reads it back in a later run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-csv-"));
    const w = await runCli(["search", '| makeresults count=2 | streamstats count AS n | fields - _time | outputcsv nums', "--csv-dir", dir, "--no-config", "--format", "json"]);
    expect(w.code).toBe(0);
    expect(readFileSync(join(dir, "nums.csv"), "utf8")).toBe("n\n1\n2\n");
    const r = await runCli(["search", "| inputcsv nums | stats sum(n) AS total", "--csv-dir", dir, "--no-config", "--format", "json"]);
    expect(JSON.parse(r.stdout)).toEqual([{ total: 3 }]);
  });

  it("a --csv-dir that is not a folder is an input error", async () => {
    const r = await runCli(["search", "| inputcsv x", "--csv-dir", join(tmpdir(), "no-such-minispl-csv-dir"), "--no-config"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("--csv-dir");
  });
});

describe("savedsearch from the command line", () => {
  it("search --detections runs a detection by its ESCU search name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-saved-"));
    writeFileSync(join(dir, "seed.yml"), readFileSync(SEED, "utf8"));
    const r = await runCli(["search", '| savedsearch "ESCU - Script Execution via WMI - Rule" | stats count', "--detections", dir, "--data", "samples/data/", "--no-config", "--format", "json", "--no-cache"]);
    expect(r.stderr).not.toContain("error");
    expect(JSON.parse(r.stdout)).toEqual([{ count: 3 }]);
  });

  it("detect finds the other detections it runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-saved-"));
    writeFileSync(join(dir, "a.yml"), readFileSync(SEED, "utf8"));
    writeFileSync(join(dir, "b.yml"), "name: Counts WMI\ntype: Hunting\nsearch: '| savedsearch \"Script Execution via WMI\" | stats count AS wmi'\n");
    const r = await runCli(["detect", dir, "--data", "samples/data/", "--no-config", "--format", "json", "--no-cache"]);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.find((x) => x.search_name === "ESCU - Counts WMI - Rule")).toMatchObject({ wmi: 3 });
  });
});
