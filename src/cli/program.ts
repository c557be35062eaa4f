/**
 * The command line's wiring: every subcommand with its options, help and examples. Each action
 * imports its command module only when it runs: those load the library (~350 modules, the parser,
 * the datamodel tables), which `--version`, `--help` or a usage error never need.
 */
import { availableParallelism } from "node:os";
import { Command, CommanderError, Option } from "commander";
import { VERSION } from "./version.js";
import type { ExplainOptions } from "./explain-command.js";
import type { FieldsCommandOptions } from "./fields-command.js";
import type { IndexCommandOptions } from "./index-command.js";
import type { IngestCommandOptions } from "./ingest-command.js";
import { registerLsp } from "./lsp-command.js";
import {
  collect, parseBackend, parseFieldList, parseFormat, parseJobs, parseLimit, parseMaxEvents, parseNow, parseTimeout, parseTz, withConfig, type CommonOptions, type OutputOptions,
} from "./options.js";
import type { ReplOptions } from "./repl-command.js";
import type { Io } from "./session.js";
import type { TestOptions } from "./test-command.js";
import { defineWeb } from "./web-command.js";

/** The process's stdout/stderr (session.ts imports the library, so it is loaded with the command). */
async function processIo(): Promise<Io> {
  return (await import("./session.js")).processIo;
}

const DEBUG_HELP = "print the JavaScript stack trace of an internal error (otherwise one line says what failed)";
const FOLLOW_HELP = "read files that symlinks inside the given folders lead to outside them (otherwise skipped with a warning)";
const FOLLOW = "--follow-symlinks";
const SAVED_HELP = "detection YAML files or folders that `| savedsearch <name>` can run, by name or `ESCU - <name> - Rule` (repeatable; --escu gives <root>/detections)";
const OUTPUT_HELP = "write the results to this file instead of stdout (any --format; created or replaced)";

/**
 * What follows a usage error (unknown option, bad value, missing argument): one hint line, not the
 * whole help, so the error itself stays visible; exit code 2 comes from runMain.
 */
function usageHint(cmd: Command): string {
  const name = cmd.parent ? `minispl ${cmd.name()}` : "minispl";
  return `  = hint: run \`${name} --help\` for ${cmd.parent ? "its arguments and options" : "the commands"}`;
}

/** The options every command that reads events shares; `format: false` for one that prints no results (web). */
function withCommon(cmd: Command, { format = true }: { format?: boolean } = {}): Command {
  cmd
    .option("-d, --data <path...>", "event files or folders (folders are read recursively; repeatable)", collect, [])
    .option("-m, --macros <path...>", "macro definitions: ESCU macros/*.yml or macros.conf files or folders (repeatable; later wins)", collect, [])
    .option("-l, --lookups <dir...>", "lookup definitions (*.yml) and tables (*.csv), e.g. ESCU lookups/ (repeatable; first wins; outputlookup writes CSV files into the first)", collect, []);
  if (format) cmd.addOption(new Option("-f, --format <format>", "output format (ndjson: one JSON row per line)").choices(["table", "json", "csv", "ndjson"]).default("table").argParser(parseFormat));
  return cmd
    .option("--geoip <file.mmdb>", "MaxMind DB GeoIP database (e.g. GeoLite2-City.mmdb) for iplocation; without it iplocation adds no fields")
    .option("--tz <zone>", "time zone for rendering and parsing times", parseTz, "UTC")
    .option("--now <time>", "fix the search's \"now\" (epoch seconds or ISO-8601), for reproducible runs", parseNow)
    .option("--sourcetype <sourcetype>", "force the sourcetype of every --data file (skips format detection)")
    .option("--source <source>", "force the source of every --data event")
    .option("--mapping <file.yml>", "field mapping (time, host, source, sourcetype, aliases, eventtypes/tags) for JSON-lines/CSV --data files no adapter recognises")
    .option("-i, --index <dir>", "search an index folder built by `minispl index` (instead of --data)")
    .option("--no-cache", "load --data into memory instead of through the cached index ($XDG_CACHE_HOME/minispl)")
    .option("-q, --quiet", "no progress or summary lines on stderr")
    .option(FOLLOW, FOLLOW_HELP)
    .option("--debug", DEBUG_HELP)
    .option("--csv-dir <dir>", "the folder inputcsv reads and outputcsv writes (plain file names only; default: in memory for this run)");
}

/**
 * Narrows withCommon's `--format` to the formats a command prints: any other is a usage error
 * (exit 2, one line and the hint) instead of silently printing the table.
 */
function formats(cmd: Command, allowed: readonly string[]): Command {
  cmd.options.find((o) => o.long === "--format")?.choices(allowed);
  return cmd;
}

/** Each search's budget (README, "Limits and safety"), on every command that runs searches. */
function withBudget(cmd: Command): Command {
  return cmd
    .option("--timeout <seconds>", "wall-time budget of each search; past it the search ends with error[budget] and the next one runs (0: no limit)", parseTimeout, 300)
    .option("--max-rows <n>", "most rows any one table of a search may have, results or between commands (default 50000000; 0: no limit)", parseLimit)
    .option("--max-memory <MB>", "heap a search may add (default: up to 85% of Node's heap limit; 0: no limit)", parseLimit);
}

const BACKEND_HELP = "where each search's pushable part runs: memory (all in this process), chdb (ClickHouse embedded in this process; the optional chdb package), chdb:<dir> (the same, its tables kept in <dir> as `minispl index … --out chdb:<dir>` loaded them) or clickhouse://user@host:port/db (a server or cluster; the password only from MINISPL_CLICKHOUSE_PASSWORD)";

/**
 * `--backend <spec>` (issue 13). A refused value is a usage error; one holding a password is
 * reported without repeating it (commander's own message would quote the whole argument).
 */
function withBackend(cmd: Command): Command {
  return cmd.option("--backend <spec>", BACKEND_HELP, (value: string) => {
    try {
      return parseBackend(value);
    } catch (e) {
      if (e instanceof CommanderError) cmd.error(`error: option '--backend <spec>': ${e.message}`, { exitCode: 2, code: e.code });
      throw e;
    }
  }, "memory");
}

export function buildProgram(): Command {
  const program = new Command("minispl")
    .description("Run Splunk SPL detection searches offline on raw Windows, Sysmon and CrowdStrike events.")
    .version(VERSION)
    // Before any subcommand is added, so every one inherits it: a usage error or --help throws a
    // CommanderError (runMain turns it into the exit code) instead of calling process.exit, which
    // would end a test runner that runs the CLI in-process.
    .exitOverride();
  withBackend(withBudget(withCommon(program.command("search [spl]"))))
    .description("run one SPL search over the events (or a detection's search: --detection)")
    .option("--detection <file.yml>", "run this ESCU detection's search as detect does (its _filter macro defined), shown as a search")
    .option("--detections <path...>", SAVED_HELP, collect, [])
    .option("--fields <names>", "fields listed under each event when the search ends in events (comma-separated, * wildcards; default every field the event has)", parseFieldList)
    .option("--max-events <n>", "events printed when the search ends in events (default 100 on a terminal, else all; 0: all)", parseMaxEvents)
    .option("--output <file>", OUTPUT_HELP)
    .addHelpText("after", `
Examples:
  $ minispl search '| tstats count from datamodel=Endpoint.Processes by Processes.process_name' --data samples/data/
  $ minispl search 'index=* EventCode=1 | stats count by host' --data samples/data/sysmon.xml --format json
  $ minispl search '| tstats count from datamodel=Endpoint.Processes by Processes.dest' --index idx/ --backend chdb
  $ minispl search --detection samples/detections/script_execution_via_wmi.yml --data samples/data/`)
    .action(async (spl: string | undefined, opts: CommonOptions & OutputOptions & { detection?: string }, cmd: Command) => {
      // Exactly one of the two: a usage error (exit 2, one hint line) otherwise.
      if (spl === undefined && opts.detection === undefined) cmd.error("error: missing required argument 'spl' (or --detection <file.yml>)", { exitCode: 2, code: "commander.missingArgument" });
      if (spl !== undefined && opts.detection !== undefined) cmd.error("error: give the search or --detection <file.yml>, not both", { exitCode: 2, code: "commander.conflictingOption" });
      const { searchCommand } = await import("./search-command.js");
      const { withOutputFile } = await import("./print-result.js");
      process.exitCode = await withOutputFile(opts.output, await processIo(), (io) => searchCommand(spl ?? { detection: opts.detection as string }, opts, io));
    });
  withBackend(withBudget(withCommon(program.command("detect <detection...>"))))
    .description("run ESCU detection YAML files (or folders of them) exactly as written")
    .option("--only-fired", "print only the detections that returned results (a summary line on stderr counts them all)")
    .option("--detections <path...>", SAVED_HELP, collect, [])
    .option("--notables", "print one notable per result: message, risk events (also added to the Risk datamodel) and executed drilldowns")
    .option("--output <file>", OUTPUT_HELP)
    .addHelpText("after", `
Examples:
  $ minispl detect samples/detections/script_execution_via_wmi.yml --data samples/data/
  $ minispl detect detections/endpoint/ --macros escu/macros/ --data logs/ --format json
  $ minispl detect detections/endpoint/script_execution_via_wmi.yml --macros escu/macros/ --data logs/ --notables --format json
  $ MINISPL_CLICKHOUSE_PASSWORD=… minispl detect detections/endpoint/ --macros escu/macros/ --data logs/ --backend clickhouse://analyst@ch.internal:8123/case42`)
    .action(async (paths: string[], opts: CommonOptions & OutputOptions & import("./detect-command.js").DetectOptions) => {
      const { detectCommand } = await import("./detect-command.js");
      const { withOutputFile } = await import("./print-result.js");
      process.exitCode = await withOutputFile(opts.output, await processIo(), (io) => detectCommand(paths, opts, io));
    });
  withBudget(withCommon(program.command("check <path...>")))
    .description("load, expand, parse and plan every detection under the paths (and run them with --data); report where each stops")
    .addHelpText("after", `
Examples:
  $ minispl check ../escu/detections --macros ../escu/macros
  $ minispl check detections/endpoint/ --macros macros/ --data logs/ --format json`)
    .action(async (paths: string[], opts: CommonOptions) => {
      const { checkCommand } = await import("./check-command.js");
      process.exitCode = checkCommand(paths, opts, await processIo());
    });
  withBudget(withCommon(program.command("test <detection...>")))
    .description("run each detection's tests on local attack data with contentctl's pass criterion")
    .requiredOption("--attack-data <root>", "local copy of the attack_data repository (the URL path below .../master/ is kept; else a file of the URL's name anywhere under it, if only one has it)")
    .option("--attack-data-map <url-prefix=dir>", "attack data URLs starting with url-prefix are files under dir, the rest of the URL kept (repeatable; tried first)", collect, [])
    .option("--junit <file>", "also write JUnit XML")
    .option("-j, --jobs <n>", "worker threads for many detections (default: cores, at most 4)", parseJobs)
    .addHelpText("after", `
Examples:
  $ minispl test detections/endpoint/script_execution_via_wmi.yml --attack-data ~/attack_data
  $ minispl test detections/ --macros macros/ --attack-data ~/attack_data --format json --junit results.xml
  $ minispl test detections/ --attack-data /data --attack-data-map https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/=/data/techniques`)
    .action(async (paths: string[], opts: TestOptions) => {
      const { testCommand } = await import("./test-command.js");
      process.exitCode = await testCommand(paths, opts, await processIo());
    });
  // index, ingest, fields, repl and explain have options of their own.
  program
    .command("index <path...>")
    .description("index event files once into a folder that --index searches at once (re-running adds new or changed files only)")
    .requiredOption("-o, --out <dir>", "the index folder (created if missing), or a database to load: clickhouse://user@host:port/db or chdb:<dir>")
    .addOption(new Option("-f, --format <format>", "summary format").choices(["table", "json"]).default("table"))
    .option("--sourcetype <sourcetype>", "force the sourcetype of every file (skips format detection)")
    .option("--source <source>", "force the source of every event")
    .option("--mapping <file.yml>", "field mapping for JSON-lines/CSV files no adapter recognises")
    .option("-j, --jobs <n>", "worker threads, one input file each (default: cores, at most 4)", parseJobs, Math.min(4, availableParallelism()))
    .option(FOLLOW, FOLLOW_HELP)
    .option("-q, --quiet", "no progress bar")
    .addHelpText("after", `
Examples:
  $ minispl index ~/case42/logs --out ~/case42/idx
  $ minispl search 'index=* EventCode=4688 | stats count by host' --index ~/case42/idx
  $ minispl index ~/case42/idx --out clickhouse://analyst@ch.internal:8123/case42`)
    .action(async (paths: string[], opts: IndexCommandOptions) => {
      const { indexCommand } = await import("./index-command.js");
      process.exitCode = await indexCommand(paths, opts, await processIo());
    });
  program
    .command("ingest <path...>")
    .description("load event files (text, .gz, .zip, .tar.gz) and report formats, sources, datamodel datasets, skipped records and throughput")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("--sourcetype <sourcetype>", "force the sourcetype of every file (skips format detection)")
    .option("--source <source>", "force the source of every event")
    .option("--mapping <file.yml>", "field mapping (time, host, source, sourcetype, aliases, eventtypes/tags) for JSON-lines/CSV files no adapter recognises")
    .option(FOLLOW, FOLLOW_HELP)
    .addHelpText("after", `
Examples:
  $ minispl ingest samples/data/
  $ minispl ingest attack_data.tar.gz logs.zip --format json`)
    .action(async (paths: string[], opts: IngestCommandOptions) => {
      const { ingestCommand } = await import("./ingest-command.js");
      process.exitCode = ingestCommand(paths, opts, await processIo());
    });
  program
    .command("fields <dataset-or-sourcetype>")
    .description("list the fields of a datamodel dataset (as tstats addresses them) or of a sourcetype, with counts, an example value and where each came from")
    .option("-d, --data <path...>", "event files, folders or archives (repeatable)", collect, [])
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("--sourcetype <sourcetype>", "force the sourcetype of every --data file (skips format detection)")
    .option("--source <source>", "force the source of every --data event")
    .option("--mapping <file.yml>", "field mapping (time, host, source, sourcetype, aliases, eventtypes/tags) for JSON-lines/CSV --data files no adapter recognises")
    .option(FOLLOW, FOLLOW_HELP)
    .addHelpText("after", `
Examples:
  $ minispl fields Endpoint.Processes --data samples/data/
  $ minispl fields XmlWinEventLog --data samples/data/sysmon.xml --format json`)
    .action(async (target: string, opts: FieldsCommandOptions) => {
      const { fieldsCommand } = await import("./fields-command.js");
      process.exitCode = fieldsCommand(target, opts, await processIo());
    });
  withBudget(program.command("repl"))
    .description("interactive SPL prompt over the loaded events (.help inside lists its commands)")
    .option("-d, --data <path...>", "event files or folders to load at start (more with .load)", collect, [])
    .option("-i, --index <dir>", "search an index folder built by `minispl index` (opens at once; .load is then refused)")
    .option("-m, --macros <path...>", "macro definitions (ESCU macros/*.yml, macros.conf, or folders)", collect, [])
    .option("-l, --lookups <dir...>", "lookup definitions and tables (outputlookup writes into the first)", collect, [])
    .addOption(new Option("-f, --format <format>", "result format").choices(["table", "json", "csv", "ndjson"]).default("table").argParser(parseFormat))
    .option("--geoip <file.mmdb>", "MaxMind DB for iplocation")
    .option("--tz <zone>", "time zone for rendering and parsing times", parseTz, "UTC")
    .option("--now <time>", "fix the search's \"now\" (epoch seconds or ISO-8601)", parseNow)
    .option("--sourcetype <sourcetype>", "force the sourcetype of every loaded file")
    .option("--source <source>", "force the source of every loaded event")
    .option("--csv-dir <dir>", "the folder inputcsv reads and outputcsv writes (default: in memory for the session)")
    .option("--detections <path...>", SAVED_HELP, collect, [])
    .option("--time", "show the elapsed time under each result (default on a terminal; .time on|off)")
    .option("-q, --quiet", "no banner")
    .option(FOLLOW, FOLLOW_HELP)
    .option("--debug", DEBUG_HELP)
    .addHelpText("after", `
Examples:
  $ minispl repl --data samples/data/
  $ printf '%s\\n' '| tstats count from datamodel=Endpoint.Processes by Processes.process_name' .exit | minispl repl --data samples/data/sysmon.xml`)
    .action(async (opts: ReplOptions) => {
      const { replCommand } = await import("./repl-command.js");
      process.exitCode = await replCommand(opts);
    });
  withBackend(program.command("explain <spl>")
    .description("show a search (or a detection .yml, as detect runs it) macro-expanded, parsed and planned (it is not run); with --backend, which steps run in ClickHouse (their SQL) and which here")
    .option("-m, --macros <path...>", "macro definitions (ESCU macros/*.yml, macros.conf, or folders; later wins)", collect, [])
    .option("--tz <zone>", "time zone of the SQL's time bounds (--backend)", parseTz, "UTC")
    .option("--now <time>", "the search's \"now\" for relative time bounds in the SQL (--backend; default the wall clock)", parseNow))
    .option(FOLLOW, FOLLOW_HELP)
    .option("--debug", DEBUG_HELP)
    .addHelpText("after", `
Examples:
  $ minispl explain '| tstats \`security_content_summariesonly\` count from datamodel=Endpoint.Processes by Processes.dest | \`drop_dm_object_name(Processes)\`'
  $ minispl explain detections/endpoint/script_execution_via_wmi.yml --macros escu/macros/
  $ minispl explain "$(yq .search detection.yml)" --macros escu/macros/
  $ minispl explain --backend chdb '| tstats count from datamodel=Endpoint.Processes by Processes.dest | rename Processes.dest as dest'`)
    .action(async (spl: string, opts: ExplainOptions) => {
      const { explainCommand } = await import("./explain-command.js");
      process.exitCode = explainCommand(spl, opts, await processIo());
    });
  formats(withCommon(program.command("lint <detection...>")), ["table", "json"])
    .description("static checks of detections: tstats without summariesonly, undefined macros, datamodel fields, observables and drilldown tokens no result provides")
    .addHelpText("after", `
Examples:
  $ minispl lint samples/detections/
  $ minispl lint detections/endpoint/ --macros macros/ --format json`)
    .action(async (paths: string[], opts: CommonOptions) => {
      const { lintCommand } = await import("./lint-command.js");
      process.exitCode = lintCommand(paths, opts, await processIo());
    });
  formats(withBackend(withBudget(withCommon(program.command("hunt [logs...]")))), ["table", "json"])
    .description("hunt: run every selected detection over the logs, then print what fired and the riskiest entities; write a timeline, an HTML report and an ATT&CK Navigator layer")
    .option("--detections <dir...>", "detection YAML files or folders, e.g. an ESCU checkout's detections/ (repeatable)", collect, [])
    .option("--status <list>", "statuses to run, comma-separated, or all", "production")
    .option("--mitre <list>", "only detections tagged with these techniques (T1059 includes T1059.001) or tactics (TA0002, execution), comma-separated")
    .option("--min-risk <n>", "only detections whose risk_score is at least n", parseLimit)
    .option("--timeline <file>", "write one row per result (Timesketch columns): .csv, or .jsonl for JSON lines")
    .option("--report <file.html>", "write a self-contained HTML report (ATT&CK heat map, risk per entity, timeline, notables with drilldowns)")
    .option("--navigator <file.json>", "write an ATT&CK Navigator layer of the techniques that fired")
    .option("--risk-threshold <n>", "risk incident when an object's risk score sum in 24 h reaches n", parseLimit, 100)
    .option("--tactic-threshold <n>", "risk incident when an object has n distinct ATT&CK tactics (from 4+ detections) in 7 days", parseLimit, 3)
    .option("--drilldowns <n>", "notables per detection whose drilldown searches run (0: none)", parseLimit, 3)
    .option("-j, --jobs <n>", "worker threads (default: cores)", parseJobs)
    .addHelpText("after", `
Examples:
  $ minispl hunt samples/data --detections samples/detections --report hunt.html --timeline hunt.csv
  $ minispl hunt --index idx/ --detections escu/detections --macros escu/macros --lookups escu/lookups --mitre TA0002,T1003 --navigator layer.json`)
    .action(async (logs: string[], opts: import("./hunt-command.js").HuntCommandOptions) => {
      const { huntCommand } = await import("./hunt-command.js");
      process.exitCode = await huntCommand(logs, opts, await processIo());
    });
  program
    .command("config")
    .description("print the settings commands start from (minispl.yaml, MINISPL_* variables, defaults) and where each came from")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json"]).default("table"))
    .addHelpText("after", `
Examples:
  $ minispl config
  $ MINISPL_ESCU=~/security_content minispl config --format json`)
    .action(async (opts: import("./config-command.js").ConfigCommandOptions) => {
      const { configCommand } = await import("./config-command.js");
      process.exitCode = configCommand(opts);
    });
  defineWeb(withBudget(withCommon(program.command("web"), { format: false })));
  registerLsp(program);
  // After every command is defined: --escu, --config and --no-config where they fit (options.ts).
  withConfig(program);
  // Set on each command: the hint names the command whose usage was wrong.
  for (const cmd of [program, ...program.commands]) cmd.showHelpAfterError(usageHint(cmd));
  return program;
}
