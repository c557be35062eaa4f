/**
 * The "single value version" of multivalue fields that mvcombine and transaction make beside the
 * multivalue one (mvcombine reference: "The mvcombine command creates a multivalue version of the
 * field you specify, as well as a single value version of the field … separated by a space or by
 * the delimiter that you specify with the delim argument"; transaction's delim: "Specify a
 * character to separate multiple values", default a space). Every command sees the multivalue
 * version; `nomv` immediately after shows the single one ("To see the output of the delim
 * argument, you must use the nomv command immediately after the mvcombine command"). The
 * delimiter is kept beside the very table the command returned, so only the next command finds it.
 */
import type { Table } from "../table/table.js";

const delims = new WeakMap<Table, (field: string) => string | undefined>();

/** Records the delimiter of the single value version of fields of `t` (undefined: none). */
export function keepSingleValueDelim(t: Table, delimOf: (field: string) => string | undefined): Table {
  delims.set(t, delimOf);
  return t;
}

/** The delimiter of `field`'s single value version when `t` came straight from mvcombine/transaction. */
export function singleValueDelim(t: Table, field: string): string | undefined {
  return delims.get(t)?.(field);
}
