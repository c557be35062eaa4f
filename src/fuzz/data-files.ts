/**
 * The real data files the data fuzzer damages: files under 2 MB from ../shared/datasets, at most
 * a few per extension (spread over the size range) so the 300 XML files do not crowd out the
 * handful of EVTX, zip and gzip files where the binary readers live.
 */
import { statSync } from "node:fs";
import { extname } from "node:path";
import { walkPaths } from "../adapters/walk-paths.js";

export const DATA_EXTENSIONS = [".xml", ".log", ".json", ".jsonl", ".evtx", ".zip", ".gz", ".tsv", ".raw", ".txt", ".csv"];
const MAX_BYTES = 2 * 1024 * 1024;

export interface DataFile {
  readonly path: string;
  readonly ext: string;
  readonly bytes: number;
}

export function pickDataFiles(root: string, perExtension = 6): DataFile[] {
  const byExt = new Map<string, DataFile[]>();
  for (const path of walkPaths([root], { skipHidden: true, sortRoots: true }).files) {
    const ext = extname(path).toLowerCase();
    if (!DATA_EXTENSIONS.includes(ext)) continue;
    const bytes = statSync(path).size;
    if (bytes === 0 || bytes > MAX_BYTES) continue;
    byExt.set(ext, [...(byExt.get(ext) ?? []), { path, ext, bytes }]);
  }
  const picked: DataFile[] = [];
  for (const files of byExt.values()) {
    files.sort((a, b) => a.bytes - b.bytes || a.path.localeCompare(b.path));
    const step = Math.max(1, files.length / perExtension);
    for (let i = 0; i < Math.min(perExtension, files.length); i++) {
      const f = files[Math.floor(i * step)];
      if (f) picked.push(f);
    }
  }
  return picked;
}
