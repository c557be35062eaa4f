/**
 * `--csv-dir <dir>`: the folder inputcsv reads and outputcsv writes (Splunk's
 * $SPLUNK_HOME/var/run/splunk/csv; SPL Search Reference, inputcsv/outputcsv). Confined as the
 * lookup writer is (lookups.ts): a plain file name directly inside the folder, never a path, `..`,
 * a hidden name, or anything a symlink leads to (a link inside the folder is neither read nor
 * written through). A write goes beside the target and is renamed over it, so a reader never sees
 * half a file; outputcsv's "the file is deleted" removes only a regular file of the folder.
 */
import { lstatSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { csvNameProblem, type CsvFolder } from "../index.js";

export function diskCsvFolder(dir: string): CsvFolder {
  const target = (name: string): { path: string; exists: boolean } => {
    const problem = csvNameProblem(name);
    if (problem) throw new Error(problem);
    const root = realpathSync(dir);
    const path = resolve(root, name);
    if (dirname(path) !== root) throw new Error(`"${name}" would be outside ${dir}`);
    let st: ReturnType<typeof lstatSync> | undefined;
    try {
      st = lstatSync(path);
    } catch {
      return { path, exists: false };
    }
    if (!st.isFile()) throw new Error(`${name} in ${dir} is not a regular file (a symlink or folder is never read or written through)`);
    return { path, exists: true };
  };
  return {
    label: `the --csv-dir folder ${dir}`,
    read(name) {
      const t = target(name);
      return t.exists ? readFileSync(t.path, "utf8") : null;
    },
    write(name, text) {
      const t = target(name);
      if (text === null) {
        if (t.exists) unlinkSync(t.path);
        return;
      }
      const tmp = `${t.path}.${process.pid}.tmp`;
      writeFileSync(tmp, text, { flag: "wx" });
      renameSync(tmp, t.path);
    },
  };
}

/** Whether `dir` is a folder (checked once before a run; an error line says why not). */
export function isCsvDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
