/**
 * `| lookup <table> <field> [AS <event-field>]… [OUTPUT|OUTPUTNEW …]` after a pushed aggregate, as
 * SQL over its result with exactly the in-memory semantics (commands/lookup-run.ts,
 * lookups/matcher.ts). The table's rows are a ClickHouse table (storage/clickhouse/load-lookups.ts,
 * named by a hash of its content so a changed table is a new one). As the in-memory matcher
 * memoises per input, the match is computed once per distinct input (a scalar subquery over the
 * result's distinct input values, so the SQL stays small whatever the table's size): the matching
 * row numbers in CSV order (`arrayFilter` zipping the table's columns, read sorted by `_row`), cut
 * at max_matches, and for each destination the non-empty cells of those rows plus default_match
 * up to min_matches; each result row reads its own from the map that subquery makes.
 *
 * Matching, per lookup field (every field must match; a multivalue event field when any value does;
 * an empty cell never; a row with an input field without values is not looked up at all):
 * - case-sensitive: a literal cell is byte equality; a WILDCARD cell with `*` is LIKE with `%`, `_`
 *   and `\` escaped (UTF-8 against UTF-16 agree on text without lone surrogates: a table holding one
 *   stays local, and since ClickHouse stores a value's lone surrogate as U+FFFD, a field whose cells
 *   hold U+FFFD gets a run-time guard on values holding it);
 * - case-insensitive (case_sensitive_match=false): a literal cell compares `v.toLowerCase()` with
 *   the cell's, which for a cell whose lower case is ASCII is `lower(replaceAll(v, K, 'k'))` (the
 *   Kelvin sign is the only non-ASCII code point whose lower case is ASCII); a `*` cell is the regex
 *   `/^…$/i`, which for ASCII pattern text is `lower(v) LIKE asciiLower(p)` (fold.ts). A field with
 *   a cell outside that (non-ASCII lower case or pattern text) gets a run-time guard
 *   (guard.ts) on non-ASCII values: those need JavaScript's folding, and the search runs in memory.
 * - CIDR: a field with a cell that is a subnet stays local (the address reading is JavaScript's).
 *
 * Output (lookup-run.ts): OUTPUT replaces the destination on every looked-up row, OUTPUTNEW only
 * where it is null; an existing destination keeps its place, a new one goes last and exists only
 * when some row has a value (`optional`: rows-to-table.ts drops it otherwise). Since whether such a
 * field exists is known only from the rows, a later step whose result depends on it stays local,
 * and after a step that drops rows a presence query says whether it exists (optional-fields.ts). Stays local too: a table that is not available (memory warns and reads it as
 * empty), a field the table lacks (memory's error), a number or set-valued destination, a number
 * input (JavaScript's number text).
 */
import { platform } from "../platform/platform.js";
import type { FieldLookupCommand, LookupFieldPair } from "../ast/commands-lookup.js";
import type { Command } from "../ast/commands.js";
import { fileDefinition } from "../lookups/definition.js";
import type { ResolvedLookup } from "../lookups/store.js";
import type { LookupTable } from "../lookups/table.js";
import { parseSubnet } from "../values/ip.js";
import { shownColumn } from "./compile-eval.js";
import { assign, type ResultQuery } from "./compile-eval-step.js";
import { escapeLike, NotPushable } from "./compile-where.js";
import { asciiLower, hasLoneSurrogate, hasNonAscii } from "./fold.js";
import { guarded } from "./guard.js";
import { noteOptionalFields } from "./optional-fields.js";
import { anyNonAscii, NULL_KEY, sqlInt, sqlString, stringList } from "./sql-text.js";
import type { SqlColumn, TableNeed } from "./types.js";

/** What the compiler needs of the lookups (a LookupStore): the definition and the table by name. */
export interface LookupSource {
  resolve(name: string): ResolvedLookup;
}

const KELVIN = "\u212a";
const REPLACEMENT = "\ufffd";
/** min_matches beyond this stays local (the default_match copies would be built per row). */
const MAX_MIN_MATCHES = 1000;

/** What a lookup table's loaded form holds per CSV field j (load-lookups.ts writes them). */
export const lookupColumns = (j: number) => ({ cell: `c${j}`, lower: `l${j}`, likeFolded: `w${j}`, like: `s${j}` });

/** Per lookup table (memoised by object: a store's `put` makes a new one): its table name and what the compiler checks. */
interface TableFacts {
  readonly table: string;
  readonly loneSurrogate: boolean;
  /** Per field: a cell whose lower case, or whose `*` pattern text, is not ASCII. */
  readonly nonAscii: readonly boolean[];
  /** Per field: a cell holding U+FFFD. */
  readonly replacement: readonly boolean[];
  /** Per field: a cell that is a subnet (CIDR matching). */
  readonly subnet: readonly boolean[];
}

const facts = new WeakMap<LookupTable, TableFacts>();

/** The ClickHouse table holding `t`: `lk_` + a hash of its fields and rows (and of the load format). */
export function lookupTableName(t: LookupTable): string {
  return tableFacts(t).table;
}

function tableFacts(t: LookupTable): TableFacts {
  const known = facts.get(t);
  if (known) return known;
  const hash = platform().digests.hex("sha256", JSON.stringify([LOOKUP_LOAD_FORMAT, t.fields, t.rows])).slice(0, 32);
  const per = (test: (cell: string) => boolean) => t.fields.map((_, j) => t.rows.some((r) => {
    const cell = r[j] ?? null;
    return cell !== null && test(cell);
  }));
  const f: TableFacts = {
    table: `lk_${hash}`,
    loneSurrogate: t.fields.some(hasLoneSurrogate) || t.rows.some((r) => r.some((c) => c !== null && hasLoneSurrogate(c))),
    nonAscii: per((c) => hasNonAscii(c.toLowerCase()) || (c.includes("*") && hasNonAscii(c))),
    replacement: per((c) => c.includes(REPLACEMENT)),
    subnet: per((c) => parseSubnet(c) !== null),
  };
  facts.set(t, f);
  return f;
}

/** Bump when the loaded columns change: the content hash (the table name) changes with it. */
export const LOOKUP_LOAD_FORMAT = 1;

/** The loaded side forms of one cell (load-lookups.ts), by lookupColumns' names. */
export function lookupCellForms(cell: string | null): [string | null, string | null, string | null, string | null] {
  if (cell === null) return [null, null, null, null];
  const star = cell.includes("*");
  return [
    cell,
    cell.toLowerCase(),
    star ? cell.split("*").map((s) => escapeLike(asciiLower(s))).join("%") : null,
    star ? cell.split("*").map(escapeLike).join("%") : null,
  ];
}

export interface LookupStepResult {
  readonly columns: readonly SqlColumn[];
  readonly need: TableNeed | null;
}

/**
 * `lookup` over the pushed result as the columns after it, the query extended in place; null for
 * any other command. Throws NotPushable when not exact.
 */
export function lookupStep(c: Command, columns: readonly SqlColumn[], q: ResultQuery, lookups: LookupSource | undefined, serial: () => number): LookupStepResult | null {
  if (c.kind !== "lookup") return null;
  if (!lookups) throw new NotPushable("the lookups are not known to the SQL compiler");
  const res = lookups.resolve(c.table);
  const table = res.table;
  if (!table) throw new NotPushable(`the lookup table ${c.table} is not available (memory reads it as empty, with a warning)`);
  if (table.fields.length === 0) throw new NotPushable(`the lookup table ${c.table} has no fields`);
  const def = res.definition ?? fileDefinition(c.table);
  const f = tableFacts(table);
  if (f.loneSurrogate) throw new NotPushable("a lookup table with a lone surrogate");
  for (const p of [...c.inputs, ...c.outputs]) {
    if (!table.fields.includes(p.lookupField)) throw new NotPushable(`the lookup table has no field ${p.lookupField} (an error in memory)`);
  }
  const matchFields = new Set(c.inputs.map((i) => i.lookupField));
  const outputs: readonly LookupFieldPair[] = c.mode === "all"
    ? table.fields.filter((x) => !matchFields.has(x)).map((x) => ({ lookupField: x, eventField: x, span: c.span }))
    : c.outputs;
  if (outputs.length === 0) return { columns, need: null };
  for (const o of outputs) if (shownColumn(columns, o.eventField)?.optional) throw new NotPushable(`${o.eventField} may or may not exist (an earlier lookup's new field)`);

  // Each input's values as a non-empty-text array; a missing input: no row is looked up, nothing changes.
  const inputs: { arr: string; col: number }[] = [];
  for (const i of c.inputs) {
    const arr = inputArray(columns, i.eventField);
    if (arr === null) return { columns, need: null };
    inputs.push({ arr, col: table.fields.indexOf(i.lookupField) });
  }
  if (def.minMatches > MAX_MIN_MATCHES) throw new NotPushable(`min_matches ${def.minMatches} (more than ${MAX_MIN_MATCHES})`);
  if (def.maxMatches < 1 || !Number.isSafeInteger(def.maxMatches)) throw new NotPushable(`max_matches ${def.maxMatches}`);

  const tableName = f.table;
  const arrayOf = (col: string) => `(SELECT arrayMap(t -> t.2, arraySort(groupArray((_row, ${col})))) FROM ${tableName})`;
  // The match depends only on the input values: it is computed once per distinct input (as the
  // in-memory matcher memoises it), over `e<j>`, and each row reads its own from a map.
  const conds: string[] = [];
  const unsafe: string[] = [];
  // The table's columns are lambda arguments (zipped with the row numbers): reading a constant
  // array by index inside the lambda would copy the whole array for every element.
  const params: string[] = ["i"];
  const args: string[] = [];
  inputs.forEach(({ col }, j) => {
    const arr = `e${j}`;
    const kind = def.matchTypes.get(table.fields[col] as string) ?? "EXACT";
    if (kind === "CIDR" && f.subnet[col]) throw new NotPushable(`CIDR matching of ${table.fields[col]} (JavaScript's address reading)`);
    const names = lookupColumns(col);
    const cell = `a${j}`;
    const key = `b${j}`;
    const pat = `p${j}`;
    params.push(cell, key, pat);
    args.push(arrayOf(names.cell), arrayOf(def.caseSensitive ? names.cell : names.lower), arrayOf(def.caseSensitive ? names.like : names.likeFolded));
    let literal: string;
    let pattern: string;
    if (def.caseSensitive) {
      literal = `arrayExists(x -> x = assumeNotNull(${key}), ${arr})`;
      pattern = `arrayExists(x -> x LIKE assumeNotNull(${pat}), ${arr})`;
      if (f.replacement[col]) unsafe.push(`arrayExists(x -> position(x, ${sqlString(REPLACEMENT)}) > 0, ${arr})`);
    } else {
      literal = `arrayExists(x -> lower(replaceAll(x, ${sqlString(KELVIN)}, 'k')) = assumeNotNull(${key}), ${arr})`;
      pattern = `arrayExists(x -> lower(x) LIKE assumeNotNull(${pat}), ${arr})`;
      if (f.nonAscii[col]) unsafe.push(anyNonAscii(arr));
    }
    const patterned = kind === "WILDCARD" ? `if(isNull(${pat}), ${literal}, ${pattern})` : literal;
    conds.push(`(isNotNull(${cell}) AND ${patterned})`);
  });
  const lookedE = inputs.map((_, j) => `notEmpty(e${j})`).join(" AND ");
  const looked = inputs.map((i) => `notEmpty(${i.arr})`).join(" AND ");
  const rows = `range(1, toUInt32(length(${arrayOf(lookupColumns(0).cell)})) + 1)`;
  let matched = `if(${lookedE}, arraySlice(arrayFilter((${params.join(", ")}) -> ${conds.join(" AND ")}, ${rows}, ${args.join(", ")}), 1, ${sqlInt(def.maxMatches)}), CAST([] AS Array(UInt32)))`;
  if (unsafe.length > 0) matched = guarded(`(${lookedE}) AND (${unsafe.join(" OR ")})`, matched);

  // Later destinations of the same name win; the first one's place counts (a Map's order).
  const written = new Map<string, LookupFieldPair>();
  for (const o of outputs) written.set(o.eventField, o);
  const fill = def.minMatches > 0 && def.defaultMatch !== "" ? def.defaultMatch : null;
  const gots = [...written.values()].map((o) => {
    const cells = arrayOf(lookupColumns(table.fields.indexOf(o.lookupField)).cell);
    // The cells of the matched rows, in file order, empty ones left out.
    const got = `arrayMap(x -> assumeNotNull(x), arrayFilter((x, i) -> isNotNull(x) AND has(lm, i), ${cells}, ${rows}))`;
    return fill === null ? got : `arrayConcat(${got}, arrayWithConstant(toUInt64(greatest(0, ${sqlInt(def.minMatches)} - toInt64(length(lm)))), ${sqlString(fill)}))`;
  });
  // Every check before the query grows: a NotPushable must leave it as it was.
  const priors = [...written.keys()].map((field) => {
    const existing = shownColumn(columns, field);
    return { field, existing, ...(existing ? existingArray(existing) : { arr: "CAST([] AS Array(String))", present: "0" }) };
  });
  const keyOf = (arrs: readonly string[]) => `toString(tuple(${arrs.join(", ")}))`;
  const distinct = `SELECT DISTINCT ${inputs.map((x, j) => `${x.arr} AS e${j}`).join(", ")} FROM (${q.sql()})`;
  const perKey = `SELECT ${keyOf(inputs.map((_, j) => `e${j}`))} AS key, tuple(${gots.join(", ")}) AS res FROM (SELECT *, ${matched} AS lm FROM (${distinct}))`;
  const lm = `lm${serial()}`;
  q.addOver(`(SELECT mapFromArrays(groupArray(key), groupArray(res)) FROM (${perKey}))[${keyOf(inputs.map((x) => x.arr))}] AS ${lm}`);

  const items: string[] = [];
  let out = [...columns];
  priors.forEach(({ field, existing, ...prior }, k) => {
    const keep = c.mode === "outputnew" ? `NOT (${looked}) OR ${prior.present}` : `NOT (${looked})`;
    const key = `lk${serial()}`;
    items.push(`if(${keep}, ${prior.arr}, tupleElement(${lm}, ${k + 1})) AS ${key}`);
    out = assign(out, { name: field, key, kind: "values", ...(existing ? {} : { optional: true }) });
  });
  q.addOver(items.join(", "));
  noteOptionalFields(q, out.filter((x) => x.optional && !columns.includes(x)));
  const need: TableNeed = { kind: "lookup", table: tableName, name: c.table, fields: [...table.fields] };
  return { columns: out, need };
}

/** An input field's non-empty values as an Array(String), or null when the result has no values for it anywhere. */
function inputArray(columns: readonly SqlColumn[], name: string): string | null {
  const c = shownColumn(columns, name);
  if (!c || c.key === NULL_KEY) return null;
  if (c.fallback !== undefined) throw new NotPushable(`${name} holds a time text or a number (convert ctime)`);
  switch (c.kind) {
    case "string": return `if(isNull(${c.key}) OR ${c.key} = '', CAST([] AS Array(String)), [assumeNotNull(${c.key})])`;
    case "values": case "set": return `arrayFilter(x -> x != '', CAST(${c.key} AS Array(String)))`;
    case "number": throw new NotPushable(`${name} is a number (its text is JavaScript's)`);
    case "tuple": throw new NotPushable(`${name} is an internal column`);
  }
}

/** An existing destination's values as an Array(String), and whether it is non-null (OUTPUTNEW keeps those). */
function existingArray(c: SqlColumn): { arr: string; present: string } {
  if (c.key === NULL_KEY) return { arr: "CAST([] AS Array(String))", present: "0" };
  if (c.fallback !== undefined) throw new NotPushable(`the destination ${c.name} holds a time text or a number (convert ctime)`);
  switch (c.kind) {
    case "string": return { arr: stringList(c.key), present: `isNotNull(${c.key})` };
    case "values": return { arr: `CAST(${c.key} AS Array(String))`, present: `notEmpty(${c.key})` };
    default: throw new NotPushable(`the destination ${c.name} is a ${c.kind === "set" ? "values() set" : c.kind} column`);
  }
}

