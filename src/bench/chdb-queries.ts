/**
 * The searches of the chDB bench (measure-chdb.ts): the seed detection and five group-heavy tstats
 * in ESCU's style, each with the same question written by hand in DuckDB SQL over the raw Sysmon
 * fields of the index's Parquet parts (EventCode, Computer, User, Image, ParentImage, CommandLine,
 * ProcessId…; every one a LIST of STRING, one value per event here). The SQL re-derives what the
 * Sysmon add-on and Endpoint.Processes compute (basename of Image, User without its domain, EID 1
 * only), so it answers the same question only over sysmon-set.ts's data (one value per field,
 * no line breaks, nothing missing); the bench compares its row count with minispl's.
 */
import { SEED } from "./seed.js";
import type { SourceColumn } from "./queries.js";

export interface ChdbBenchQuery {
  readonly name: string;
  /** Why this search is in the set (what it stresses). */
  readonly why: string;
  readonly spl: string;
  /** The raw columns the DuckDB SQL reads (duckdb-source.ts provides them under these names). */
  readonly columns: readonly SourceColumn[];
  /** The DuckDB SQL over `from` (a FROM item of the index's parts). */
  readonly sql: (from: string) => string;
}

const col = (name: string): SourceColumn => ({ name, list: true });

/** One value per event in the synthetic set: the list's first element. */
const v = (field: string): string => `s."${field}"[1]`;
/** The Sysmon add-on's basename of a path (the part after the last backslash). */
const base = (field: string): string => `list_extract(string_split(${v(field)}, '\\'), -1)`;
/** The add-on's `user`: User without its domain. */
const USER = `list_extract(string_split(${v("User")}, '\\'), -1)`;
/** Endpoint.Processes over Sysmon: process creations. */
const EID1 = `list_contains(s."EventCode", '1')`;

const FIELDS = {
  dest: v("Computer"),
  user: USER,
  process_name: base("Image"),
  parent_process_name: base("ParentImage"),
  process: v("CommandLine"),
  parent_process: v("ParentCommandLine"),
  process_id: v("ProcessId"),
  parent_process_id: v("ParentProcessId"),
} as const;
type Field = keyof typeof FIELDS;

const RAW: readonly SourceColumn[] = ["EventCode", "Computer", "User", "Image", "ParentImage", "CommandLine", "ParentCommandLine", "ProcessId", "ParentProcessId"].map(col);
const COLUMNS: readonly SourceColumn[] = [{ name: "_time" }, ...RAW];

/** `SELECT <keys>, <aggs> FROM <from> AS s WHERE EID 1 [AND where] GROUP BY ALL`. */
function grouped(from: string, keys: readonly string[], aggs: readonly string[], where?: string): string {
  const conds = [EID1, ...(where ? [where] : [])];
  return `SELECT ${[...keys, ...aggs].join(", ")} FROM ${from} AS s WHERE ${conds.join(" AND ")} GROUP BY ALL`;
}

const keys = (...fs: Field[]): string[] => fs.map((f) => `${FIELDS[f]} AS ${f}`);

export const CHDB_QUERIES: readonly ChdbBenchQuery[] = [
  {
    name: "seed_script_execution_via_wmi",
    why: "the seed detection as ESCU writes it (samples/detections/script_execution_via_wmi.yml): a rare exact value, 7 BY fields, renames and ctime converts after the tstats",
    spl: SEED,
    columns: COLUMNS,
    sql: (from) => grouped(from, keys("dest", "user", "parent_process", "process_name", "process", "process_id", "parent_process_id"), ["count(*) AS count", "min(s._time) AS firstTime", "max(s._time) AS lastTime"], `lower(${FIELDS.process_name}) = 'scrcons.exe'`),
  },
  {
    name: "process_tree_by_host_user",
    why: "no filter, 4 BY fields (host × user × parent × process: tens of thousands of groups over every process event), count and time range: ESCU's hunting shape",
    spl: "| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes by Processes.dest Processes.user Processes.parent_process_name Processes.process_name | `drop_dm_object_name(Processes)`",
    columns: COLUMNS,
    sql: (from) => grouped(from, keys("dest", "user", "parent_process_name", "process_name"), ["count(*) AS count", "min(s._time) AS firstTime", "max(s._time) AS lastTime"]),
  },
  {
    name: "distinct_counts_by_process",
    why: "dc-heavy: distinct command lines and hosts per parent/process pair, plus a values() of users (sorted sets)",
    spl: "| tstats `security_content_summariesonly` count dc(Processes.process) as cmdlines dc(Processes.dest) as hosts values(Processes.user) as users from datamodel=Endpoint.Processes by Processes.parent_process_name Processes.process_name | `drop_dm_object_name(Processes)`",
    columns: COLUMNS,
    sql: (from) => grouped(from, keys("parent_process_name", "process_name"), ["count(*) AS count", `count(DISTINCT ${FIELDS.process}) AS cmdlines`, `count(DISTINCT ${FIELDS.dest}) AS hosts`, `list_sort(list(DISTINCT ${FIELDS.user})) AS users`]),
  },
  {
    name: "hourly_by_process",
    why: "`by _time span=1h`: 336 hours × ~40 processes, with a dc of hosts per bucket",
    spl: "| tstats `security_content_summariesonly` count dc(Processes.dest) as hosts from datamodel=Endpoint.Processes by _time Processes.process_name span=1h | `drop_dm_object_name(Processes)`",
    columns: COLUMNS,
    sql: (from) => grouped(from, ["floor(s._time / 3600) * 3600 AS _time", `${FIELDS.process_name} AS process_name`], ["count(*) AS count", `count(DISTINCT ${FIELDS.dest}) AS hosts`]),
  },
  {
    name: "powershell_wildcard_values",
    why: "a `*pow*` wildcard (case-insensitive LIKE: powershell, pwsh is not matched, PowerShell_ISE is) and values() of the command lines per host and user",
    spl: "| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime values(Processes.process) as process from datamodel=Endpoint.Processes where Processes.process_name=*pow* by Processes.dest Processes.user Processes.parent_process_name | `drop_dm_object_name(Processes)`",
    columns: COLUMNS,
    sql: (from) => grouped(from, keys("dest", "user", "parent_process_name"), ["count(*) AS count", "min(s._time) AS firstTime", "max(s._time) AS lastTime", `list_sort(list(DISTINCT ${FIELDS.process})) AS process`], `${FIELDS.process_name} ILIKE '%pow%'`),
  },
  {
    name: "office_children_by_pid",
    why: "ESCU's \"Office application spawns a process\" shape: an IN list on the parent, 7 BY fields with both process ids (about one group per matching event)",
    spl: "| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.parent_process_name IN (\"winword.exe\", \"excel.exe\", \"outlook.exe\") by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process Processes.process_id Processes.parent_process_id | `drop_dm_object_name(Processes)` | `security_content_ctime(firstTime)` | `security_content_ctime(lastTime)`",
    columns: COLUMNS,
    sql: (from) => grouped(from, keys("dest", "user", "parent_process_name", "process_name", "process", "process_id", "parent_process_id"), ["count(*) AS count", "min(s._time) AS firstTime", "max(s._time) AS lastTime"], `lower(${FIELDS.parent_process_name}) IN ('winword.exe', 'excel.exe', 'outlook.exe')`),
  },
];
