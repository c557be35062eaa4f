/**
 * Walks one column chunk's pages: decompresses each, decodes repetition and definition levels
 * (v1 and v2 data pages) and hands the values to a ValueSink. Encodings outside PLAIN,
 * PLAIN_DICTIONARY/RLE_DICTIONARY (values) and RLE (levels) are refused by name.
 */
import { Encoding, PageType, enumName } from "./constants.js";
import { decompress } from "./codec.js";
import { decodePageHeader } from "./metadata-decode.js";
import type { PageHeader } from "./metadata-types.js";
import { bitWidth, decodeHybrid } from "./rle-hybrid.js";
import type { ValueSink } from "./value-sink.js";

export interface LeafShape {
  readonly name: string;
  readonly maxDef: number;
  readonly maxRep: number;
}

export interface LeafLevels {
  readonly levels: number;
  readonly def: Uint8Array | undefined;
  readonly rep: Uint8Array | undefined;
}

interface DataPage {
  readonly numValues: number;
  readonly encoding: number;
  readonly rep: Uint8Array;
  readonly def: Uint8Array;
  readonly values: Uint8Array;
}

export function readLeafPages(buf: Uint8Array, codec: number, numValues: number, leaf: LeafShape, sink: ValueSink): LeafLevels {
  const def = leaf.maxDef > 0 ? new Uint8Array(numValues) : undefined;
  const rep = leaf.maxRep > 0 ? new Uint8Array(numValues) : undefined;
  let levels = 0;
  let pos = 0;
  while (levels < numValues) {
    if (pos >= buf.length) throw new Error(`column chunk ends after ${levels} of ${numValues} values`);
    const { header, end } = decodePageHeader(buf, pos);
    const bodyEnd = end + header.compressedPageSize;
    if (header.compressedPageSize < 0 || bodyEnd > buf.length) throw new Error(`page at byte ${pos} of the chunk runs past its end`);
    const raw = buf.subarray(end, bodyEnd);
    pos = bodyEnd;
    if (header.type === PageType.DICTIONARY_PAGE) {
      const h = header.dictionaryPageHeader;
      if (!h) throw new Error("dictionary page without its header");
      if (h.encoding !== Encoding.PLAIN && h.encoding !== Encoding.PLAIN_DICTIONARY) throw unsupported(leaf, `dictionary encoding ${enumName(Encoding, h.encoding)}`);
      sink.dictionary(decompress(codec, raw, header.uncompressedPageSize), h.numValues);
      continue;
    }
    let page: DataPage;
    if (header.type === PageType.DATA_PAGE) page = v1Page(header, raw, codec, leaf);
    else if (header.type === PageType.DATA_PAGE_V2) page = v2Page(header, raw, codec);
    else continue; // index pages carry no values
    const n = page.numValues;
    if (n < 0 || levels + n > numValues) throw new Error(`pages hold more than the chunk's ${numValues} values`);
    if (rep) decodeHybrid(page.rep, 0, page.rep.length, bitWidth(leaf.maxRep), rep, levels, n);
    let present = n;
    if (def) {
      decodeHybrid(page.def, 0, page.def.length, bitWidth(leaf.maxDef), def, levels, n);
      present = 0;
      for (let i = levels; i < levels + n; i++) if (def[i] === leaf.maxDef) present++;
    }
    pageValues(page, present, sink, leaf);
    levels += n;
  }
  return { levels, def, rep };
}

function pageValues(page: DataPage, present: number, sink: ValueSink, leaf: LeafShape): void {
  const v = page.values;
  if (page.encoding === Encoding.PLAIN) sink.plain(v, 0, v.length, present);
  else if (page.encoding === Encoding.RLE_DICTIONARY || page.encoding === Encoding.PLAIN_DICTIONARY) {
    if (present === 0) return;
    if (!sink.hasDictionary) throw new Error("dictionary-encoded page without a dictionary page");
    if (v.length < 1) throw new Error("dictionary-encoded page without its bit width");
    sink.indices(v, 1, v.length, v[0] as number, present);
  } else throw unsupported(leaf, `encoding ${enumName(Encoding, page.encoding)}`);
}

/** v1: the whole body is compressed; each level section that exists has a 4-byte length. */
function v1Page(header: PageHeader, raw: Uint8Array, codec: number, leaf: LeafShape): DataPage {
  const h = header.dataPageHeader;
  if (!h) throw new Error("data page without its header");
  const body = decompress(codec, raw, header.uncompressedPageSize);
  let pos = 0;
  const section = (maxLevel: number, encoding: number, what: string): Uint8Array => {
    if (maxLevel === 0) return body.subarray(0, 0);
    if (encoding !== Encoding.RLE) throw unsupported(leaf, `${what} level encoding ${enumName(Encoding, encoding)}`);
    if (pos + 4 > body.length) throw new Error(`${what} levels past the end of the page`);
    const len = ((body[pos] as number) | ((body[pos + 1] as number) << 8) | ((body[pos + 2] as number) << 16)) + (body[pos + 3] as number) * 2 ** 24;
    const start = pos + 4;
    if (len > body.length - start) throw new Error(`${what} levels past the end of the page`);
    pos = start + len;
    return body.subarray(start, pos);
  };
  const rep = section(leaf.maxRep, h.repetitionLevelEncoding, "repetition");
  const def = section(leaf.maxDef, h.definitionLevelEncoding, "definition");
  return { numValues: h.numValues, encoding: h.encoding, rep, def, values: body.subarray(pos) };
}

/** v2: levels are stored uncompressed and without length prefixes; only the values may be compressed. */
function v2Page(header: PageHeader, raw: Uint8Array, codec: number): DataPage {
  const h = header.dataPageHeaderV2;
  if (!h) throw new Error("v2 data page without its header");
  const levelBytes = h.repetitionLevelsByteLength + h.definitionLevelsByteLength;
  if (h.repetitionLevelsByteLength < 0 || h.definitionLevelsByteLength < 0 || levelBytes > raw.length) {
    throw new Error("v2 data page levels past the end of the page");
  }
  const rest = raw.subarray(levelBytes);
  const values = h.isCompressed ? decompress(codec, rest, header.uncompressedPageSize - levelBytes) : rest;
  return {
    numValues: h.numValues,
    encoding: h.encoding,
    rep: raw.subarray(0, h.repetitionLevelsByteLength),
    def: raw.subarray(h.repetitionLevelsByteLength, levelBytes),
    values,
  };
}

function unsupported(leaf: LeafShape, what: string): Error {
  return new Error(`unsupported ${what} in column "${leaf.name}"`);
}
