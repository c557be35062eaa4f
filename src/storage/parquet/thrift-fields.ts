/**
 * Typed access to a generically decoded Thrift struct: each getter checks the value's kind, so a
 * corrupt or foreign footer gives "ColumnMetaData.num_values: expected integer" instead of NaN
 * offsets later.
 */
import type { TStruct, TValue } from "./thrift-reader.js";

function bad(what: string, expected: string): never {
  throw new Error(`${what}: expected ${expected}`);
}

export function optInt(s: TStruct, id: number, what: string): number | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  return typeof v === "number" ? v : bad(what, "integer");
}

export function reqInt(s: TStruct, id: number, what: string): number {
  return optInt(s, id, what) ?? bad(what, "integer (missing)");
}

export function optBool(s: TStruct, id: number, what: string): boolean | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  return typeof v === "boolean" ? v : bad(what, "boolean");
}

export function optBytes(s: TStruct, id: number, what: string): Uint8Array | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  return v instanceof Uint8Array ? v : bad(what, "binary");
}

export function optString(s: TStruct, id: number, what: string): string | undefined {
  const v = optBytes(s, id, what);
  return v === undefined ? undefined : Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("utf8");
}

export function reqString(s: TStruct, id: number, what: string): string {
  return optString(s, id, what) ?? bad(what, "string (missing)");
}

export function optStruct(s: TStruct, id: number, what: string): TStruct | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  return v instanceof Map ? v : bad(what, "struct");
}

export function optList(s: TStruct, id: number, what: string): readonly TValue[] | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v : bad(what, "list");
}

export function reqList(s: TStruct, id: number, what: string): readonly TValue[] {
  return optList(s, id, what) ?? bad(what, "list (missing)");
}

export function asStruct(v: TValue, what: string): TStruct {
  return v instanceof Map ? v : bad(what, "struct");
}

export function asInt(v: TValue, what: string): number {
  return typeof v === "number" ? v : bad(what, "integer");
}

export function asString(v: TValue, what: string): string {
  return v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("utf8") : bad(what, "string");
}
