// Exit codes as the README documents them: a usage or option error is 2 with one line naming the
// problem and one hint line (never the whole help, which hid the error); --help and --version are 0
// with their full output.
import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../support/cli.js";

const usage: { args: string[]; error: RegExp; hint: string }[] = [
  { args: ["search", "| makeresults", "--tz", "Mars/Olympus"], error: /argument 'Mars\/Olympus' is invalid\. unknown time zone/, hint: "minispl search --help" },
  { args: ["search", "| makeresults", "--format", "xml"], error: /argument 'xml' is invalid\. expected table, json, csv or ndjson/, hint: "minispl search --help" },
  { args: ["search", "| makeresults", "--now", "soon"], error: /argument 'soon' is invalid/, hint: "minispl search --help" },
  { args: ["search"], error: /missing required argument 'spl' \(or --detection <file\.yml>\)/, hint: "minispl search --help" },
  { args: ["search", "| makeresults", "--detection", "d.yml"], error: /give the search or --detection <file\.yml>, not both/, hint: "minispl search --help" },
  { args: ["search", "| makeresults", "--bogus"], error: /unknown option '--bogus'/, hint: "minispl search --help" },
  { args: ["detect", "x.yml", "--tz", "Nowhere"], error: /unknown time zone "Nowhere"/, hint: "minispl detect --help" },
  { args: ["test", "x.yml"], error: /required option '--attack-data <root>' not specified/, hint: "minispl test --help" },
  { args: ["test", "x.yml", "--attack-data", ".", "-j", "many"], error: /argument 'many' is invalid\. expected a whole number/, hint: "minispl test --help" },
  { args: ["index", "logs/", "--out", "idx", "-j", "0"], error: /argument '0' is invalid/, hint: "minispl index --help" },
  { args: ["index", "logs/"], error: /required option '-o, --out <dir>' not specified/, hint: "minispl index --help" },
  { args: ["ingest", "logs/", "--format", "xml"], error: /argument 'xml' is invalid/, hint: "minispl ingest --help" },
  { args: ["fields"], error: /missing required argument 'dataset-or-sourcetype'/, hint: "minispl fields --help" },
  { args: ["repl", "--tz", "Mars/Olympus"], error: /unknown time zone/, hint: "minispl repl --help" },
  { args: ["explain"], error: /missing required argument 'spl'/, hint: "minispl explain --help" },
  { args: ["frobnicate"], error: /unknown command 'frobnicate'/, hint: "minispl --help" },
  { args: ["--bogus"], error: /unknown option '--bogus'/, hint: "minispl --help" },
];

describe("usage errors", () => {
  it.each(usage)("minispl $args.0 …: exit 2, the error and a hint", async ({ args, error, hint }) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(error);
    expect(lines[1]).toBe(`  = hint: run \`${hint}\` for ${hint === "minispl --help" ? "the commands" : "its arguments and options"}`);
  });

  it("a real process exits 2 too (the code runMain returns reaches the shell)", () => {
    const r = spawnCli(["search", "| makeresults", "--tz", "Mars/Olympus"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(2);
  });
});

describe("--help and --version", () => {
  const ok: { args: string[]; stdout: RegExp[] }[] = [
    { args: ["--help"], stdout: [/^Usage: minispl/, /search \[options\] \[spl\]/, /repl/] },
    { args: ["--version"], stdout: [/^0\.1\.0\n$/] },
    { args: ["search", "--help"], stdout: [/Usage: minispl search/, /--follow-symlinks/, /--tz <zone>/, /Examples:/] },
    { args: ["help", "index"], stdout: [/Usage: minispl index/, /--follow-symlinks/, /-j, --jobs <n>/] },
    { args: ["repl", "--help"], stdout: [/--follow-symlinks/, /--time/] },
  ];
  it.each(ok)("minispl $args: exit 0, the full text on stdout", async ({ args, stdout }) => {
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    for (const re of stdout) expect(r.stdout).toMatch(re);
  });

  it("every command that reads paths offers --follow-symlinks", async () => {
    for (const cmd of ["search", "detect", "check", "test", "lint", "repl", "index", "ingest", "fields", "explain"]) {
      expect((await runCli([cmd, "--help"])).stdout, cmd).toContain("--follow-symlinks");
    }
  });
});
