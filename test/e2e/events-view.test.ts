/**
 * Issue 11, items 1 and 2: a search that ends in events prints the events view (header with the
 * time as Splunk Web shows it, `_raw`, the event's own fields), capped by --max-events; statistics
 * keep their table; `_time` as Splunk shows it in every format and in the REPL; multivalue cells
 * stacked; --output for every format. On samples/ (over ../shared/datasets:
 * test/corpus/events-view.test.ts).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { maxEvents, TERMINAL_MAX_EVENTS } from "../../src/cli/print-result.js";
import type { Io } from "../../src/cli/session.js";
import { runCli, runCliWithInput, spawnCli } from "../support/cli.js";

const SAMPLES = ["--data", "samples/data/"];
/** A header line of the events view: the time as Splunk Web shows it, then host=… */
const HEADER = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}  host=/gm;

describe("minispl search: the events view", () => {
  it("prints events (not a 500-column table) for a search without a transforming command", async () => {
    const r = await runCli(["search", "index=*", ...SAMPLES, "--max-events", "3", "-q"]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(HEADER)).toHaveLength(3);
    expect(r.stdout).not.toMatch(/^\+--/m);
    expect(r.stdout).toMatch(/^  EventCode = \d+$/m);
    // The search was cut at 4 events (one more than printed): how many more is not known.
    expect(r.stdout).toMatch(/\n3 events shown; more events follow \(--max-events <n> prints more, 0 all\)\n$/);
  });

  it("prints every event when piped and counts them", async () => {
    const r = await runCli(["search", "index=* sourcetype=XmlWinEventLog", ...SAMPLES, "-q"]);
    const n = r.stdout.match(HEADER)?.length ?? 0;
    expect(n).toBeGreaterThan(3);
    expect(r.stdout.endsWith(`\n${n} events\n`)).toBe(true);
  });

  it("lists only --fields under each event", async () => {
    const r = await runCli(["search", "index=* EventCode=1", ...SAMPLES, "--fields", "EventCode,process_name", "--max-events", "1", "-q"]);
    const body = r.stdout.split("\n").filter((l) => l.startsWith("  "));
    expect(body.map((l) => l.split(" = ")[0]?.trim())).toEqual(["EventCode", "process_name"]);
  });

  it("keeps the table of a statistics search, and of table/fields", async () => {
    for (const spl of ["index=* | stats count by sourcetype", "index=* | table _time host | head 2"]) {
      const r = await runCli(["search", spl, ...SAMPLES, "--max-events", "1", "-q"]);
      expect(r.stdout).toMatch(/^\+--/);
      expect(r.stdout).toMatch(/\d+ results?\n$/);
      // --max-events does not cut a table, and says so rather than being silently ignored.
      expect(r.stderr).toMatch(/warning: --max-events limits a search that ends in events; .* printed whole \(add `\| head 1`/);
    }
  });

  // Splunk's CLI returns "the first 100 events" unless -maxout says otherwise:
  // https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-in-the-cli/syntax-for-searches-in-the-cli
  it("defaults to 100 events on a terminal, all otherwise; --max-events 0 is all", () => {
    const io = (width: number): Io => ({ out: () => {}, err: () => {}, color: false, width });
    expect(maxEvents({ format: "table" }, io(120))).toBe(TERMINAL_MAX_EVENTS);
    expect(maxEvents({ format: "table" }, io(Infinity))).toBeNull();
    expect(maxEvents({ format: "json" }, io(120))).toBeNull();
    expect(maxEvents({ format: "table", maxEvents: 0 }, io(120))).toBeNull();
    expect(maxEvents({ format: "csv", maxEvents: 5 }, io(Infinity))).toBe(5);
  });

  it("cuts JSON at --max-events too, and says so on stderr", async () => {
    const r = await runCli(["search", "index=*", ...SAMPLES, "--max-events", "2", "--format", "json", "-q"]);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
    expect(r.stderr).toContain("printed the first 2 events; more follow");
  });
});

describe("_time as Splunk shows it", () => {
  const SPL = "| makeresults | eval _time=1554315119.25, t=1554315119 | `security_content_ctime(t)` | table _time t";

  it("table and CSV: Splunk Web's form in --tz; ctime (ESCU's security_content_ctime) in --tz too", async () => {
    const table = await runCli(["search", SPL, "--tz", "America/New_York"]);
    expect(table.stdout).toMatch(/\| 2019-04-03 14:11:59\.250 \| 2019-04-03T14:11:59 \|/);
    const csv = await runCli(["search", SPL, "--format", "csv"]);
    expect(csv.stdout).toBe("_time,t\n2019-04-03 18:11:59.250,2019-04-03T18:11:59\n");
  });

  it("JSON and NDJSON: ISO-8601 with the zone's offset", async () => {
    const json = await runCli(["search", SPL, "--format", "json", "--tz", "Europe/Paris"]);
    expect(JSON.parse(json.stdout)).toEqual([{ _time: "2019-04-03T20:11:59.250+02:00", t: "2019-04-03T20:11:59" }]);
    const nd = await runCli(["search", SPL, "--format", "ndjson"]);
    expect(nd.stdout).toBe('{"_time":"2019-04-03T18:11:59.250+00:00","t":"2019-04-03T18:11:59"}\n');
  });

  it("events on samples/ carry a readable time, never the epoch number", async () => {
    const r = await runCli(["search", "index=* | head 2 | table _time host", ...SAMPLES, "--format", "csv", "-q"]);
    expect(r.stdout.split("\n")[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3},/);
  });
});

describe("multivalue cells", () => {
  it("are stacked in the CLI table, one value per line, as in the REPL", async () => {
    const r = await runCli(["search", '| makeresults | eval a=split("x,yy,z", ","), b=1 | table a b']);
    expect(r.stdout).toContain(["| x  | 1 |", "| yy |   |", "| z  |   |"].join("\n"));
  });
});

describe("--output <file>", () => {
  const dir = mkdtempSync(join(tmpdir(), "minispl-output-"));

  it.each(["table", "json", "csv", "ndjson"])("writes --format %s to the file, nothing to stdout", async (format) => {
    const spl = "index=* EventCode=1 | head 3";
    const file = join(dir, `out.${format}`);
    const toFile = await runCli(["search", spl, ...SAMPLES, "--format", format, "--output", file, "-q"]);
    const toStdout = await runCli(["search", spl, ...SAMPLES, "--format", format, "-q"]);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toBe(toStdout.stdout);
  });

  it("exits 3 when the file cannot be created", async () => {
    const r = await runCli(["search", "| makeresults", "--output", join(dir, "no/such/dir/x.txt")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("--output");
  });
});

describe("the REPL", () => {
  it("shows events as the events view and _time as Splunk Web does", () => {
    const r = runCliWithInput(["repl", "--data", "samples/data/sysmon.xml", "--tz", "UTC"], [
      "index=* | head 2",
      "| makeresults | eval _time=1554315119 | table _time",
      '| makeresults | eval a=split("p,q", ",") | table a',
      ".exit",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(HEADER)).toHaveLength(2);
    expect(r.stdout).toContain("| 2019-04-03 18:11:59.000 |");
    expect(r.stdout).toContain("| p |\n| q |");
  });
});
