/**
 * Issue 11 item 4 as a user runs it: `--data -` and `/dev/stdin` read standard input (text or
 * gzip, format detected as for files); every event names its file in `minispl_file` (shown in
 * the events view beneath the header, not a datamodel field, the same through the index cache);
 * files that are clearly not logs are skipped in folders with one summary line, never when named.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT, runCli } from "../support/cli.js";
import { zip } from "../unit/adapters/archive-builder.js";

const SYSMON = readFileSync("samples/data/sysmon.xml");

/** The built CLI with `input` (bytes) on its stdin. */
function piped(args: readonly string[], input: Buffer): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["dist/cli/bin.js", ...args], { cwd: ROOT, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-e2e-inputs-"));
  mkdirSync(join(dir, "case", "docs"), { recursive: true });
  writeFileSync(join(dir, "case", "sysmon.xml"), SYSMON);
  writeFileSync(join(dir, "case", "bundle.zip"), zip([{ name: "sec.xml", data: readFileSync("samples/data/security.xml") }, { name: "LICENSE", data: "MIT" }]));
  writeFileSync(join(dir, "case", "README.md"), "# case 42\n");
  writeFileSync(join(dir, "case", "dataset.yml"), "name: case 42\n");
  writeFileSync(join(dir, "case", "docs", "timeline.png"), "\x89PNG");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--data - (standard input)", () => {
  it("reads piped XML as <stdin>", () => {
    const r = piped(["search", "index=* | stats count by minispl_file sourcetype", "--data", "-"], SYSMON);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| <stdin> +\| XmlWinEventLog +\| 6 +\|/);
    expect(r.stderr).toContain("loaded 6 events from 1 file(s)");
  });

  it("reads gzip through /dev/stdin, detected by its magic bytes", () => {
    const r = piped(["search", "index=* | stats count by minispl_file", "--data", "/dev/stdin", "--format", "csv"], gzipSync(SYSMON));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("minispl_file,count\n<stdin>,6\n");
  });

  it("shows <stdin> beneath the header of the events view", () => {
    const r = piped(["search", "index=* EventCode=1", "--data", "-", "--max-events", "1", "-q"], SYSMON);
    expect(r.stdout.split("\n")[1]).toBe("minispl_file=<stdin>");
  });

  it("ingest - and fields --data - read standard input too", () => {
    const ingest = piped(["ingest", "-", "--format", "json"], SYSMON);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ events: 6 });
    const fields = piped(["fields", "Endpoint.Processes", "--data", "-"], SYSMON);
    expect(fields.code, fields.stderr).toBe(0);
    expect(fields.stdout).toMatch(/process_name/);
  });
});

describe("minispl_file", () => {
  const expected = () => [`${resolve(dir, "case", "bundle.zip")}!sec.xml`, resolve(dir, "case", "sysmon.xml")];

  it("names each event's file (archive members as file!member), alike with and without the index cache", async () => {
    for (const cache of [[], ["--no-cache"]]) {
      const r = await runCli(["search", "index=* | stats count by minispl_file | sort minispl_file", "--data", join(dir, "case"), "--format", "csv", "-q", ...cache]);
      expect(r.code, r.stderr).toBe(0);
      const [zipped, plain] = expected();
      expect(r.stdout).toBe(`minispl_file,count\n${zipped},4\n${plain},6\n`);
    }
  });

  it("is shown beneath source in the events view and never in the field list", async () => {
    const r = await runCli(["search", "index=* EventCode=4688", "--data", join(dir, "case"), "--max-events", "1", "-q", "--no-cache"]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/ source=XmlWinEventLog:Security +sourcetype=XmlWinEventLog$/);
    expect(lines[1]).toBe(`minispl_file=${expected()[0]}`);
    expect(r.stdout).not.toContain("  minispl_file =");
  });

  it("is not a datamodel field", async () => {
    for (const spl of ["| datamodel Endpoint Processes search | head 1", "| from datamodel:Endpoint.Processes | head 1"]) {
      const r = await runCli(["search", spl, "--data", join(dir, "case"), "--format", "json", "-q", "--no-cache"]);
      const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(rows.length).toBe(1);
      expect(Object.keys(rows[0] ?? {})).not.toContain("minispl_file");
    }
  });
});

describe("files that are not logs", () => {
  it("are skipped in a folder with one summary line", async () => {
    for (const cache of [[], ["--no-cache"]]) {
      const r = await runCli(["search", "index=* | stats count", "--data", join(dir, "case"), "--format", "csv", ...cache]);
      expect(r.stdout).toBe("count\n10\n");
      const lines = r.stderr.split("\n").filter((l) => l.includes("not logs"));
      expect(lines).toEqual(["skipped 4 files that are not logs: README.md, dataset.yml, timeline.png, LICENSE (use --data <file> to force)"]);
      expect(r.stderr).not.toContain("unrecognised format");
    }
  });

  it("are read when named explicitly", async () => {
    const r = await runCli(["search", "index=* | stats count", "--data", join(dir, "case", "README.md"), "--no-cache", "--format", "csv"]);
    expect(r.stderr).toContain(`warning: ${join(dir, "case", "README.md")}:1: skipped record: unrecognised format`);
    expect(r.stderr).not.toContain("not logs");
  });
});
