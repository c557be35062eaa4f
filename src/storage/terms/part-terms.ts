/**
 * The hooks the index uses: the term file of a part being written (build-index.ts) and the term
 * filter of the parts being opened (open-parts.ts). A part's term file sits beside it,
 * `events/<part>.terms`, so DuckDB's `events/*.parquet` never sees it.
 */
import { join } from "node:path";
import type { PartInfo, PartTermsInfo } from "../index/manifest.js";
import { PartsTermFilter } from "./parts-term-filter.js";
import type { TermBlocks } from "./term-blocks.js";
import { TERMS_VERSION, writeTermFile } from "./term-file.js";

export { TermBlocksBuilder } from "./term-blocks.js";

/** `events/abc-0000.parquet` → `events/abc-0000.terms`. */
export function termsName(partName: string): string {
  return `${partName.replace(/\.parquet$/, "")}.terms`;
}

/** Writes the term file of the part `partName` (relative to the index folder `dir`). */
export function writePartTerms(dir: string, partName: string, blocks: TermBlocks): PartTermsInfo {
  const name = termsName(partName);
  const bytes = writeTermFile(join(dir, name), blocks);
  return { name, version: TERMS_VERSION, bytes };
}

/** The term filter of parts opened from `path` (the part file, `<dir>/<info.name>`). */
export function termFilterOf(parts: readonly { path: string; info: PartInfo }[]): PartsTermFilter {
  return new PartsTermFilter(
    parts.map(({ path, info }) => {
      const rows = info.rowGroups.reduce((n, r) => n + r, 0);
      const usable = info.terms?.version === TERMS_VERSION && path.endsWith(info.name);
      if (!usable || !info.terms) return { rows, path: null };
      return { rows, path: path.slice(0, path.length - info.name.length) + info.terms.name, bytes: info.terms.bytes };
    }),
  );
}
