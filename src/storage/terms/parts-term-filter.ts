/**
 * The term filter of an opened index: its parts' term files as one list of blocks in row order.
 * Files are read on the first question (a search without free text never reads them). A part
 * without a usable term file (built before term files, or of another TERMS_VERSION) is one block
 * that may contain anything.
 */
import type { TermFilter } from "../../store/event-store.js";
import { readTermFile } from "./term-file.js";
import { ruleOut, type TermBlocks } from "./term-blocks.js";
import { literalTrigrams } from "./trigrams.js";

export interface PartTerms {
  /** The part's term file, or null when it has none to use. */
  readonly path: string | null;
  readonly rows: number;
  /** The file's size as the manifest records it. */
  readonly bytes?: number;
}

export class PartsTermFilter implements TermFilter {
  readonly rows: number;
  private loaded: { readonly blocks: (TermBlocks | null)[]; readonly ends: Float64Array } | null = null;

  constructor(private readonly parts: readonly PartTerms[]) {
    this.rows = parts.reduce((n, p) => n + p.rows, 0);
  }

  blockEnds(): Float64Array {
    return this.load().ends;
  }

  mayContain(literal: string): Uint8Array {
    const { blocks, ends } = this.load();
    const out = new Uint8Array(ends.length).fill(1);
    const grams = literalTrigrams(literal);
    if (grams.length === 0) return out;
    let at = 0;
    blocks.forEach((b, part) => {
      if (!b) {
        if ((this.parts[part] as PartTerms).rows > 0) at++;
        return;
      }
      ruleOut(b, grams, out, at);
      at += b.ends.length;
    });
    return out;
  }

  private load(): NonNullable<PartsTermFilter["loaded"]> {
    if (this.loaded) return this.loaded;
    const blocks = this.parts.map((p) => (p.path ? readTermFile(p.path, p.rows, p.bytes) : null));
    const ends: number[] = [];
    let base = 0;
    blocks.forEach((b, i) => {
      if (b) for (const e of b.ends) ends.push(base + e);
      // An empty part has no blocks, with or without a file.
      else if ((this.parts[i] as PartTerms).rows > 0) ends.push(base + (this.parts[i] as PartTerms).rows);
      base += (this.parts[i] as PartTerms).rows;
    });
    this.loaded = { blocks, ends: Float64Array.from(ends) };
    return this.loaded;
  }
}
