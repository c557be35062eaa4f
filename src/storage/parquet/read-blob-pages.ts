/**
 * A blob column chunk's pages as BlobPages, still compressed: the bytes after each page header are
 * the page as encodeBlobPage made it, so nothing is decompressed here. Snappy pages (other writers)
 * are decompressed to "none", the one codec conversion BlobPage needs.
 */
import { Codec, Encoding, PageType, enumName } from "./constants.js";
import { decompress } from "./codec.js";
import { decodePageHeader } from "./metadata-decode.js";
import type { BlobPage } from "./types.js";

export function readBlobPages(buf: Uint8Array, codec: number, numValues: number, name: string): BlobPage[] {
  const pages: BlobPage[] = [];
  let rows = 0;
  let pos = 0;
  while (rows < numValues || (numValues === 0 && pos < buf.length)) {
    if (pos >= buf.length) throw new Error(`column chunk ends after ${rows} of ${numValues} rows`);
    const { header, end } = decodePageHeader(buf, pos);
    const bodyEnd = end + header.compressedPageSize;
    if (header.compressedPageSize < 0 || bodyEnd > buf.length) throw new Error(`page at byte ${pos} of the chunk runs past its end`);
    const raw = buf.subarray(end, bodyEnd);
    pos = bodyEnd;
    if (header.type === PageType.INDEX_PAGE) continue;
    const h = header.dataPageHeader;
    if (header.type !== PageType.DATA_PAGE || !h) throw new Error(`unsupported ${pageName(header.type)} in blob column "${name}"`);
    if (h.encoding !== Encoding.PLAIN) throw new Error(`unsupported encoding ${enumName(Encoding, h.encoding)} in blob column "${name}"`);
    if (h.definitionLevelEncoding !== Encoding.RLE) throw new Error(`unsupported definition level encoding ${enumName(Encoding, h.definitionLevelEncoding)} in blob column "${name}"`);
    const size = header.uncompressedPageSize;
    if (codec === Codec.BROTLI) pages.push({ rows: h.numValues, codec: "brotli", uncompressedSize: size, data: raw });
    else if (codec === Codec.GZIP) pages.push({ rows: h.numValues, codec: "gzip", uncompressedSize: size, data: raw });
    else pages.push({ rows: h.numValues, codec: "none", uncompressedSize: size, data: decompress(codec, raw, size) });
    rows += h.numValues;
  }
  if (rows !== numValues) throw new Error(`blob pages hold ${rows} rows, the chunk ${numValues}`);
  return pages;
}

function pageName(type: number): string {
  return `${enumName(PageType, type)} page`;
}
