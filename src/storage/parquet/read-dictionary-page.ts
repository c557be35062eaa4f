/** Reads a column chunk's dictionary page (the bytes from its start to the first data page). */
import { decompress } from "./codec.js";
import { Encoding, PageType, enumName } from "./constants.js";
import { decodePageHeader } from "./metadata-decode.js";
import { readPlainByteArrays } from "./plain-byte-arrays.js";
import type { Utf8Entries } from "./types.js";

export function readDictionaryPage(buf: Uint8Array, codec: number): Utf8Entries {
  const { header, end } = decodePageHeader(buf, 0);
  if (header.type !== PageType.DICTIONARY_PAGE || !header.dictionaryPageHeader) throw new Error("the chunk does not start with a dictionary page");
  const h = header.dictionaryPageHeader;
  if (h.encoding !== Encoding.PLAIN && h.encoding !== Encoding.PLAIN_DICTIONARY) throw new Error(`dictionary encoding ${enumName(Encoding, h.encoding)} is not supported`);
  const bodyEnd = end + header.compressedPageSize;
  if (header.compressedPageSize < 0 || bodyEnd > buf.length) throw new Error("the dictionary page runs past the first data page");
  const body = decompress(codec, buf.subarray(end, bodyEnd), header.uncompressedPageSize);
  return readPlainByteArrays(body, 0, body.length, h.numValues).entries;
}
