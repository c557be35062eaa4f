/**
 * The folder `inputcsv` reads and `outputcsv` writes (SPL Search Reference, inputcsv/outputcsv:
 * files in $SPLUNK_HOME/var/run/splunk/csv, "Directory separators are not permitted in the
 * filename"). The core does no IO: a CsvFolder is handed in (ExecuteOptions.csv; the CLI's
 * `--csv-dir` gives one over a real folder, cli/csv-dir.ts), and without one each search has an
 * in-memory folder of its own, so `outputcsv x | … | inputcsv append=true x` works in one search.
 * Names are checked here, for every folder: a plain file name, no `/`, `\`, `..` or leading dot.
 */

export interface CsvFolder {
  /** The file's text, or null when there is no such file. Throws an Error when the read is refused. */
  read(name: string): string | null;
  /** Replaces the file with `text`; null removes it. Throws an Error when the write is refused. */
  write(name: string, text: string | null): void;
  /** What a message calls the folder: `the --csv-dir folder <dir>`, `memory (no --csv-dir)`. */
  readonly label: string;
}

/** Why `name` is not a plain file name of the folder, or null when it is. */
export function csvNameProblem(name: string): string | null {
  if (name === "") return "the file name is empty";
  if (/[/\\]/.test(name)) return `"${name}" has a directory separator; a CSV file is named by its plain file name`;
  if (name.startsWith(".")) return `"${name}" starts with a dot (hidden files and .. are not read or written)`;
  if (name.includes("\0")) return `"${name}" has a NUL character`;
  return null;
}

/** A folder held in memory: the default, and what tests fill with files. */
export function memoryCsvFolder(files: Readonly<Record<string, string>> = {}, label = "memory (no --csv-dir folder)"): CsvFolder {
  const held = new Map(Object.entries(files));
  return {
    label,
    read: (name) => held.get(name) ?? null,
    write: (name, text) => {
      if (text === null) held.delete(name);
      else held.set(name, text);
    },
  };
}
