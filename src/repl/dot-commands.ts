/**
 * The REPL's own commands (lines starting with a dot): their names, usage and summaries (for
 * `.help` and completion), and the parse of a dot line into name and argument text.
 */

export interface DotCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Fixed argument choices, offered by completion. */
  readonly choices?: readonly string[];
}

export const FORMATS = ["table", "json", "csv", "ndjson"] as const;

export const DOT_COMMANDS: readonly DotCommand[] = [
  { name: ".help", usage: ".help [command|function]", summary: "this overview, or the docs and examples of an SPL command or eval/stats function" },
  { name: ".explain", usage: ".explain <spl>", summary: "the macro-expanded text, the parsed pipeline and the plan of a search (not run)" },
  { name: ".load", usage: ".load <path>...", summary: "add the events of files or folders (files loaded before, by path or content, are not read again)" },
  { name: ".macros", usage: ".macros [filter]", summary: "the macros (names containing filter) and their definitions" },
  { name: ".datamodels", usage: ".datamodels", summary: "the datamodel datasets tstats and datamodel can read, with how many loaded events each holds" },
  { name: ".fields", usage: ".fields [Model.Dataset]", summary: "fields of the loaded events, or of a datamodel dataset" },
  { name: ".format", usage: ".format table|json|csv|ndjson", summary: "how results are printed", choices: FORMATS },
  { name: ".time", usage: ".time on|off", summary: "show the elapsed time under each result", choices: ["on", "off"] },
  { name: ".exit", usage: ".exit", summary: "leave (Ctrl-D too)" },
];

export interface DotLine {
  readonly name: string;
  /** The rest of the line, trimmed (may span lines for .explain). */
  readonly arg: string;
}

/** `.name rest` → { name, arg }; null when the text is not a dot command. */
export function parseDot(text: string): DotLine | null {
  const m = /^\s*(\.[A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(text);
  if (!m) return null;
  return { name: (m[1] ?? "").toLowerCase(), arg: (m[2] ?? "").trim() };
}

export function findDot(name: string): DotCommand | undefined {
  return DOT_COMMANDS.find((d) => d.name === name);
}
