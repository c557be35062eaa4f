/**
 * Which file an event came from. Splunk's own `source` cannot say it: the add-ons set it
 * (`XmlWinEventLog:Microsoft-Windows-Sysmon/Operational`) and the datamodels and ESCU read it. So
 * every event gets one more field, `minispl_file`, named so no TA or CIM field can collide with
 * it: the file's absolute path, `<path>!<member>` for an archive member (as skipped records name
 * members), `<stdin>` for `--data -`. Absolute, so the in-memory store and the `--data` index cache
 * (built from resolved paths) answer `stats count by minispl_file` alike. It is one value per file:
 * the store keeps one dictionary entry per file and 1-byte ids per row (store/column.ts), Parquet
 * one dictionary page per row group. It is not a datamodel field (`| datamodel` drops it).
 */
import type { EventInput } from "../store/event-store.js";

export const FILE_FIELD = "minispl_file";

/** The name standard input is shown as (`--data -`, `--data /dev/stdin`). */
export const STDIN_NAME = "<stdin>";

/** `-` and `/dev/stdin` read standard input. */
export function isStdinPath(path: string): boolean {
  return path === "-" || path === "/dev/stdin";
}

/**
 * Sets the file field of an event just built by an adapter. The adapters build a fresh field bag
 * per event and hand it over at once, so it is set in place rather than copied (a copy of 50
 * fields per event would cost more than the field is worth); set last, content never overrides it.
 */
export function tagFile(event: EventInput, file: string): EventInput {
  (event.fields as Record<string, string>)[FILE_FIELD] = file;
  return event;
}
