/**
 * The seed detection ("Script Execution via WMI") as the bench runs it: its search exactly as
 * ESCU writes it, the filter macro as contentctl generates it (`search *`), and the same question
 * in SQL for DuckDB over the index's Parquet files (`_datasets` holds each row's CIM datasets).
 */
export const SEED_DETECTION = "escu/detections/endpoint/script_execution_via_wmi.yml";

export const SEED = "| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.process_name=scrcons.exe by Processes.dest Processes.user Processes.parent_process Processes.process_name Processes.process Processes.process_id Processes.parent_process_id | `drop_dm_object_name(Processes)` | `security_content_ctime(firstTime)` | `security_content_ctime(lastTime)` | `script_execution_via_wmi_filter`";

export const SEED_FILTER = { name: "script_execution_via_wmi_filter", args: [], definition: "search *", origin: "bench" } as const;

export const SEED_BY = ["dest", "user", "parent_process", "process_name", "process", "process_id", "parent_process_id"] as const;
