/**
 * Encodes a "blob" column chunk from pages already compressed: each BlobPage becomes one PLAIN
 * data page, its bytes copied unchanged. Parquet has one codec per chunk: the chunk takes its
 * first compressed page's codec, and the rare page in another codec (an uncompressed page of
 * nulls, a gzip page from a format-2 index) is recompressed to it.
 */
import { Encoding, PageType } from "./constants.js";
import { codecNumber, compressWith, decompress, type PageCodec } from "./codec.js";
import { blobPageBody } from "./blob-page.js";
import { dataPageHeader, type EncodedChunk } from "./encoded-chunk.js";
import type { BlobChunk, BlobPage } from "./types.js";

export function encodeBlobChunk(chunk: BlobChunk | undefined, numRows: number): EncodedChunk {
  let pages = chunk?.pages ?? [];
  const rows = pages.reduce((n, p) => n + p.rows, 0);
  if (chunk && rows !== numRows) throw new Error(`blob pages hold ${rows} rows, row group has ${numRows}`);
  if (pages.length === 0 || !chunk) pages = [nullPage(numRows)];
  for (const p of pages) {
    if (p.codec === "none" && p.data.length !== p.uncompressedSize) throw new Error(`uncompressed blob page of ${p.data.length} bytes says ${p.uncompressedSize}`);
  }
  const codec: PageCodec = pages.find((p) => p.codec !== "none")?.codec ?? "none";
  const dataPages = pages.map((p) => {
    const body = p.codec === codec ? p.data : compressWith(codec, decompress(codecNumber(p.codec), p.data, p.uncompressedSize));
    const header = {
      type: PageType.DATA_PAGE,
      uncompressedPageSize: p.uncompressedSize,
      compressedPageSize: body.length,
      dataPageHeader: dataPageHeader(p.rows, Encoding.PLAIN),
    };
    return { header, body };
  });
  return { codec: codecNumber(codec), encodings: [Encoding.PLAIN, Encoding.RLE], numValues: numRows, dataPages };
}

function nullPage(rows: number): BlobPage {
  const body = blobPageBody(new Array<null>(rows).fill(null));
  return { rows, codec: "none", uncompressedSize: body.length, data: body };
}
