/**
 * The hooks the index uses for member files: the one written beside a part
 * (`events/<part>.members`, build-index.ts) and the member lookup of the parts being opened
 * (open-parts.ts). A part without a usable file (built before them, or of another version) makes
 * the lookup answer null, and the store reads the `_datasets` column instead.
 */
import { join } from "node:path";
import type { PartInfo, PartMembersInfo } from "../index/manifest.js";
import { MEMBERS_VERSION, MemberFile, writeMemberFile } from "./member-file.js";

/** `events/abc-0000.parquet` → `events/abc-0000.members`. */
export function membersName(partName: string): string {
  return `${partName.replace(/\.parquet$/, "")}.members`;
}

/** Writes the member file of part `partName` (relative to the index folder `dir`). */
export function writePartMembers(dir: string, partName: string, rows: number, lists: ReadonlyMap<string, ArrayLike<number>>): PartMembersInfo {
  const name = membersName(partName);
  const bytes = writeMemberFile(join(dir, name), rows, lists);
  return { name, version: MEMBERS_VERSION, bytes };
}

/**
 * Store rows of a dataset across the parts (each part's rows offset by the rows before it), or
 * null when some part has no usable member file. Files are read on first use and kept (a few KB
 * per 100,000 events).
 */
export function membersOf(parts: readonly { path: string; info: PartInfo }[]): (dataset: string) => Int32Array | null {
  const files = new Map<number, MemberFile>();
  const usable = parts.every(({ path, info }) => info.members?.version === MEMBERS_VERSION && path.endsWith(info.name));
  return (dataset) => {
    if (!usable) return null;
    const lists: Int32Array[] = [];
    let offset = 0;
    parts.forEach(({ path, info }, i) => {
      let file = files.get(i);
      if (!file) files.set(i, (file = MemberFile.read(path.slice(0, path.length - info.name.length) + (info.members as PartMembersInfo).name)));
      const rows = info.rowGroups.reduce((n, r) => n + r, 0);
      if (file.rows !== rows) throw new Error(`member file of ${path}: ${file.rows} rows, but the part has ${rows}`);
      lists.push(file.members(dataset, offset));
      offset += rows;
    });
    const out = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
    let at = 0;
    for (const l of lists) {
      out.set(l, at);
      at += l.length;
    }
    return out;
  };
}
