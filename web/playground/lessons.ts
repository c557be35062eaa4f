/**
 * The playground's lessons, over the built-in samples (samples/data: Sysmon, Security, NXLog and
 * CrowdStrike FDR events of two lab hosts). Each has an example query (loaded into the search bar),
 * an explanation, a task, its solution, and the rows the learner's query must return: the check
 * (lesson-check.ts) runs whatever is in the search bar and compares.
 */
export type Cell = string | number;

export interface Lesson {
  readonly id: string;
  readonly title: string;
  /** Paragraphs; `code` in backquotes. */
  readonly explanation: readonly string[];
  readonly query: string;
  readonly task: string;
  readonly solution: string;
  /** The rows expected, on these fields only (other fields may be there), in any order. */
  readonly expected: readonly Record<string, Cell>[];
}

const SEED_SEARCH =
  "| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.process_name=scrcons.exe by Processes.dest Processes.user Processes.parent_process Processes.process_name Processes.process Processes.process_id Processes.parent_process_id | `drop_dm_object_name(Processes)` | `security_content_ctime(firstTime)` | `security_content_ctime(lastTime)` | `script_execution_via_wmi_filter`";

export const LESSONS: readonly Lesson[] = [
  {
    id: "tstats",
    title: "1. tstats: counting fast",
    explanation: [
      "`tstats` does not read raw events: it counts over a datamodel's fields (in Splunk, over its accelerated summaries). Almost every ESCU detection starts with it.",
      "`| tstats count from datamodel=Endpoint.Processes by Processes.process_name` counts process starts per program, whichever log they came from. `where` filters before counting.",
    ],
    query: "| tstats count from datamodel=Endpoint.Processes by Processes.process_name",
    task: "Count only the scrcons.exe processes, per host (Processes.dest).",
    solution: "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=scrcons.exe by Processes.dest",
    expected: [
      { "Processes.dest": "WIN-LAB-07.corp.example", count: 2 },
      { "Processes.dest": "unknown", count: 1 },
    ],
  },
  {
    id: "datamodels",
    title: "2. Datamodels: one schema for every source",
    explanation: [
      "The CIM datamodels give events from different products the same field names. Sysmon EventCode 1, Security 4688 and CrowdStrike ProcessRollup2 all become `Endpoint.Processes`; `vendor_product` says which product it was.",
      "`| datamodel Endpoint Processes search` lists the events a dataset selects, with its fields; `| from datamodel:Endpoint.Processes` does the same without the `Processes.` prefix. Logons are in the `Authentication` datamodel.",
    ],
    query: "| tstats count from datamodel=Endpoint.Processes by Processes.vendor_product",
    task: "Which accounts logged on, and did it work? Count Authentication events by Authentication.action and Authentication.user.",
    solution: "| tstats count from datamodel=Authentication by Authentication.action Authentication.user",
    expected: [
      { "Authentication.action": "failure", "Authentication.user": "administrator", count: 1 },
      { "Authentication.action": "success", "Authentication.user": "j.okafor", count: 1 },
    ],
  },
  {
    id: "macros",
    title: "3. Macros: ESCU's building blocks",
    explanation: [
      "Text between backquotes is a macro: it is replaced by its definition before the search is parsed. ESCU detections use `security_content_summariesonly` (tstats options), `drop_dm_object_name(Processes)` (removes the `Processes.` prefix) and `security_content_ctime(field)` (readable times).",
      "Hover a macro in the search bar to see its definition; the Explain tab shows the search after expansion.",
    ],
    query: "| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes by Processes.dest Processes.process_name | `drop_dm_object_name(Processes)`",
    task: "Count the cmd.exe processes per user, with the Processes. prefix dropped (the field must be called user).",
    solution: "| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.user | `drop_dm_object_name(Processes)`",
    expected: [
      { user: "S-1-5-21-3301845176-1920475568-2719043381-1107", count: 1 },
      { user: "j.okafor", count: 2 },
    ],
  },
  {
    id: "seed",
    title: "4. A real detection: Script Execution via WMI",
    explanation: [
      "ESCU's \"Script Execution via WMI\" looks for scrcons.exe, the process WMI starts to run an ActiveScriptEventConsumer's script: a way attackers run code that survives reboots.",
      "Its search is everything from the lessons before: tstats over Endpoint.Processes, macros to drop the prefix and format the times, and a `…_filter` macro where each site lists its exceptions (here `search *`, as contentctl generates it). The Detections tab runs it with its notables.",
    ],
    query: SEED_SEARCH,
    task: "Run the detection's search as it is: one row per scrcons.exe start, from Sysmon, Security 4688 and CrowdStrike.",
    solution: SEED_SEARCH,
    expected: [
      { dest: "WIN-LAB-07.corp.example", user: "SYSTEM", process_name: "scrcons.exe", count: 1 },
      { dest: "WIN-LAB-07.corp.example", user: "WIN-LAB-07$", process_name: "scrcons.exe", count: 1 },
      { dest: "unknown", user: "S-1-5-18", process_name: "scrcons.exe", count: 1 },
    ],
  },
];
