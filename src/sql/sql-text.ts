/**
 * The pieces of ClickHouse SQL text every compiled query is made of, written so that no value from
 * a search or from the data can change the statement's structure: string literals escape the
 * quote, the backslash and every control character; numbers are written as their exact bits when
 * a decimal form might round differently; table and column names are made only of [A-Za-z0-9_]
 * (a field name is encoded, never quoted), so there is no identifier quoting to get wrong.
 */

/** A ClickHouse string literal holding exactly `s` (its UTF-8 bytes). */
export function sqlString(s: string): string {
  let out = "'";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x27) out += "\\'";
    else if (c === 0x5c) out += "\\\\";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += s[i];
  }
  return `${out}'`;
}

/**
 * A Float64 expression equal to `n` bit for bit: small integers as they are, anything else
 * through its IEEE bytes, because how a decimal literal rounds is the parser's business.
 */
export function sqlFloat(n: number): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return `toFloat64(${n})`;
  const bytes = new Uint8Array(new Float64Array([n]).buffer);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `reinterpretAsFloat64(unhex('${hex}'))`;
}

/** An unsigned integer literal (sizes, positions); anything else is a bug in the compiler. */
export function sqlInt(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`internal: ${n} is not a row count`);
  return String(n);
}

/**
 * An identifier-safe, injective encoding of a field name: letters and digits stay, every other
 * code unit becomes `_` + its hex + `_` (`process_name` → `process_5f_name`).
 */
export function encodeName(name: string): string {
  let out = "";
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const plain = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    out += plain ? name[i] : `_${c.toString(16)}_`;
  }
  return out;
}

/** The table of a CIM dataset (`dm_Endpoint_Processes`); null when a name is not a plain identifier. */
export function datasetTable(model: string, dataset: string): string | null {
  const ok = /^[A-Za-z][A-Za-z0-9_]*$/;
  return ok.test(model) && ok.test(dataset) ? `dm_${model}_${dataset}` : null;
}

/** The columns of one dataset field (sql/README.md, "Tables"). */
export interface FieldColumns {
  /** Every value. */
  readonly values: string;
  /** Non-ASCII values in lower case (fold.ts lowerFold), for exact case-insensitive matches. */
  readonly lower: string;
  /** Non-ASCII values canonicalised (fold.ts canonFold), for case-insensitive `*` patterns. */
  readonly canon: string;
  /** Values that read as IP addresses (values/ip.ts), as ipKey() text, for CIDR terms. */
  readonly ip: string;
}

export function fieldColumns(field: string): FieldColumns {
  const e = encodeName(field);
  return { values: `v_${e}`, lower: `l_${e}`, canon: `u_${e}`, ip: `p_${e}` };
}

/** The side columns in table order, after `values`. */
export const SIDE_COLUMNS = ["lower", "canon", "ip"] as const;

/**
 * The key of a result column no row has (compile-rename.ts: a renamed missing field): every step
 * reads it as null, and no SQL names it.
 */
export const NULL_KEY = "__null";

/** A UInt8: the String `x` has a non-ASCII character (or is not UTF-8): what the run-time guards test. */
export function nonAscii(x: string): string {
  return `(length(${x}) != lengthUTF8(${x}) OR NOT isValidUTF8(${x}))`;
}

/** A UInt8: some value of the Array(String) `list` is non-ASCII (nonAscii). */
export function anyNonAscii(list: string): string {
  return `arrayExists(na -> ${nonAscii("na")}, ${list})`;
}

/** A Nullable(String) as an Array(String): empty for null, else the one string. */
export function stringList(x: string): string {
  return `if(isNull(${x}), CAST([] AS Array(String)), [assumeNotNull(${x})])`;
}
