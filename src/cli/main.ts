#!/usr/bin/env node
/**
 * The `minispl` command line: subcommands search, detect, check, test, ingest, fields, repl and explain.
 * Exit codes: 0 ok, 1 a detection/test failed, 2 usage or SPL error, 3 input error.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { checkCommand } from "./check-command.js";
import { detectCommand } from "./detect-command.js";
import { lintCommand } from "./lint-command.js";
import { EXIT } from "./exit-codes.js";
import { registerExplain } from "./explain-command.js";
import { registerFields } from "./fields-command.js";
import { registerIngest } from "./ingest-command.js";
import { registerIndex } from "./index-command.js";
import { collect, parseFormat, parseNow, parseTz, type CommonOptions } from "./options.js";
import { registerRepl } from "./repl-command.js";
import { searchCommand } from "./search-command.js";
import { testCommand, type TestOptions } from "./test-command.js";
import { processIo } from "./session.js";

function withCommon(cmd: Command): Command {
  return cmd
    .option("-d, --data <path...>", "event files or folders (folders are read recursively; repeatable)", collect, [])
    .option("-m, --macros <path...>", "macro definitions: ESCU macros/*.yml or macros.conf files or folders (repeatable; later wins)", collect, [])
    .option("-l, --lookups <dir...>", "lookup definitions (*.yml) and tables (*.csv), e.g. ESCU lookups/ (repeatable; first wins; outputlookup writes CSV files into the first)", collect, [])
    .addOption(new Option("-f, --format <format>", "output format (ndjson: one JSON row per line)").choices(["table", "json", "csv", "ndjson"]).default("table").argParser(parseFormat))
    .option("--geoip <file.mmdb>", "MaxMind DB GeoIP database (e.g. GeoLite2-City.mmdb) for iplocation; without it iplocation adds no fields")
    .option("--tz <zone>", "time zone for rendering and parsing times", parseTz, "UTC")
    .option("--now <time>", "fix the search's \"now\" (epoch seconds or ISO-8601), for reproducible runs", parseNow)
    .option("--sourcetype <sourcetype>", "force the sourcetype of every --data file (skips format detection)")
    .option("--source <source>", "force the source of every --data event")
    .option("--mapping <file.yml>", "field mapping (time, host, source, sourcetype, aliases, eventtypes/tags) for JSON-lines/CSV --data files no adapter recognises")
    .option("-i, --index <dir>", "search an index folder built by `minispl index` (instead of --data)")
    .option("--no-cache", "load --data into memory instead of through the cached index ($XDG_CACHE_HOME/minispl)")
    .option("-q, --quiet", "no progress or summary lines on stderr");
}

export function buildProgram(): Command {
  const program = new Command("minispl")
    .description("Run Splunk SPL detection searches offline on raw Windows, Sysmon and CrowdStrike events.")
    .version("0.1.0")
    .showHelpAfterError()
    // Before any subcommand is added, so every one inherits it: a usage error or --help throws a
    // CommanderError (runMain turns it into the exit code) instead of calling process.exit, which
    // would end a test runner that runs the CLI in-process.
    .exitOverride();
  withCommon(program.command("search <spl>"))
    .description("run one SPL search over the events")
    .addHelpText("after", `
Examples:
  $ minispl search '| tstats count from datamodel=Endpoint.Processes by Processes.process_name' --data samples/data/
  $ minispl search 'index=* EventCode=1 | stats count by host' --data samples/data/sysmon.xml --format json`)
    .action((spl: string, opts: CommonOptions) => {
      process.exitCode = searchCommand(spl, opts, processIo);
    });
  withCommon(program.command("detect <detection...>"))
    .description("run ESCU detection YAML files (or folders of them) exactly as written")
    .option("--notables", "print one notable per result: message, risk events (also added to the Risk datamodel) and executed drilldowns")
    .addHelpText("after", `
Examples:
  $ minispl detect samples/detections/script_execution_via_wmi.yml --data samples/data/
  $ minispl detect detections/endpoint/ --macros escu/macros/ --data logs/ --format json
  $ minispl detect detections/endpoint/script_execution_via_wmi.yml --macros escu/macros/ --data logs/ --notables --format json`)
    .action((paths: string[], opts: CommonOptions) => {
      process.exitCode = detectCommand(paths, opts, processIo);
    });
  withCommon(program.command("check <path...>"))
    .description("load, expand, parse and plan every detection under the paths (and run them with --data); report where each stops")
    .addHelpText("after", `
Examples:
  $ minispl check ../escu/detections --macros ../escu/macros
  $ minispl check detections/endpoint/ --macros macros/ --data logs/ --format json`)
    .action((paths: string[], opts: CommonOptions) => {
      process.exitCode = checkCommand(paths, opts, processIo);
    });
  withCommon(program.command("test <detection...>"))
    .description("run each detection's tests on local attack data with contentctl's pass criterion")
    .requiredOption("--attack-data <root>", "local copy of the attack_data repository (the URL path below .../master/ is kept)")
    .option("--junit <file>", "also write JUnit XML")
    .option("-j, --jobs <n>", "worker threads for many detections (default: cores, at most 4)", (v) => Math.max(1, Number.parseInt(v, 10) || 1))
    .addHelpText("after", `
Examples:
  $ minispl test detections/endpoint/script_execution_via_wmi.yml --attack-data ~/attack_data
  $ minispl test detections/ --macros macros/ --attack-data ~/attack_data --format json --junit results.xml`)
    .action(async (paths: string[], opts: TestOptions) => {
      process.exitCode = await testCommand(paths, opts, processIo);
    });
  registerIndex(program);
  registerIngest(program);
  registerFields(program);
  registerRepl(program);
  registerExplain(program);
  withCommon(program.command("lint <detection...>"))
    .description("static checks of detections: tstats without summariesonly, undefined macros, datamodel fields, observables and drilldown tokens no result provides")
    .addHelpText("after", `
Examples:
  $ minispl lint samples/detections/
  $ minispl lint detections/endpoint/ --macros macros/ --format json`)
    .action((paths: string[], opts: CommonOptions) => {
      process.exitCode = lintCommand(paths, opts, processIo);
    });
  return program;
}

/**
 * Runs one command line (the arguments after `minispl`) in this process and resolves to its exit
 * code. The binary runs through it, and so do the tests (test/support/cli.ts), which would
 * otherwise pay a node start, the library load and the parser build for every case. The commands
 * report their code in process.exitCode; it is read here and the caller's value put back.
 */
export async function runMain(args: readonly string[]): Promise<number> {
  const callers = process.exitCode;
  process.exitCode = undefined;
  try {
    // parseAsync: `test` runs its detections in worker threads.
    await buildProgram().parseAsync([...args], { from: "user" });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (e) {
    return exitCodeFor(e);
  } finally {
    process.exitCode = callers;
  }
}

/** Help and --version exit 0, a usage error 2; a file that cannot be read is an input error (3), not a crash. */
function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.spl;
  const err = e as NodeJS.ErrnoException;
  if (err.code === "ENOENT" || err.code === "EACCES" || err.code === "EISDIR") {
    process.stderr.write(`error: ${err.message}\n`);
    return EXIT.input;
  }
  throw e;
}

/** True when node was started on this file (directly or through the npm bin link), not when it is imported. */
function startedAsScript(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (startedAsScript()) process.exitCode = await runMain(process.argv.slice(2));
