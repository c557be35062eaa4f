/**
 * Running `lookup` over a result table (SPL Search Reference, lookup, "Usage"):
 * - without OUTPUT/OUTPUTNEW, every table field that is not a match field is output;
 * - OUTPUT overwrites the destination fields: a result whose input fields are present but match
 *   no row gets them emptied (or default_match, below);
 * - OUTPUTNEW "is not performed for events in which the output fields already exist": each
 *   destination field is filled only where it is null (per field; the docs do not say whether one
 *   present field blocks the others);
 * - several matching rows (up to max_matches) give a multivalue field in file order, empty cells
 *   left out, duplicates kept;
 * - fewer than min_matches matches add default_match until min_matches is reached (transforms.conf;
 *   ESCU's default_match=false is how "not in the list" reads `false`); an empty default_match adds
 *   nothing, as Splunk has no empty-string field value.
 * A result missing any input field is left unchanged (no lookup is made: undocumented). A field the
 * table does not have is an error, as in Splunk ("Could not find all of the specified lookup
 * fields"); a missing table (lookup-shared.ts) reads as empty, with unknown fields.
 */
import type { FieldLookupCommand, LookupFieldPair } from "../ast/commands-lookup.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { Table } from "../table/table.js";
import { fileDefinition } from "../lookups/definition.js";
import { LookupMatcher } from "../lookups/matcher.js";
import { EMPTY_LOOKUP, type LookupTable } from "../lookups/table.js";
import { mv, toList, toText, type Value } from "../values/value.js";
import { resolveForRead } from "./lookup-shared.js";
import type { ExecContext } from "./types.js";

export function runLookup(cmd: FieldLookupCommand, input: Table, ctx: ExecContext): Table {
  const res = resolveForRead(ctx, cmd);
  const table = res.table ?? EMPTY_LOOKUP;
  const def = res.definition ?? fileDefinition(cmd.table);
  const known = table.fields.length > 0;
  if (known) {
    requireFields(cmd, table, cmd.inputs, "lookup");
    requireFields(cmd, table, cmd.outputs, "destination");
  }
  const matchFields = new Set(cmd.inputs.map((i) => i.lookupField));
  const outputs: readonly LookupFieldPair[] = cmd.mode === "all"
    ? table.fields.filter((f) => !matchFields.has(f)).map((f) => ({ lookupField: f, eventField: f, span: cmd.span }))
    : cmd.outputs;
  if (outputs.length === 0 || input.length === 0) return input;

  const matcher = new LookupMatcher(table, def, cmd.inputs.map((i) => i.lookupField));
  const eventCols = cmd.inputs.map((i) => input.column(i.eventField));
  const outCols = outputs.map((o) => table.fields.indexOf(o.lookupField));
  const dest = outputs.map((o) => {
    const existing = input.column(o.eventField);
    return { field: o.eventField, existing, values: existing ? [...existing] : new Array<Value>(input.length).fill(null) };
  });
  const fill = def.minMatches > 0 && def.defaultMatch !== "" ? def.defaultMatch : null;

  for (let r = 0; r < input.length; r++) {
    const values = eventCols.map((c) => (c ? toList(c[r] ?? null).map((a) => toText(a) ?? "").filter((s) => s !== "") : []));
    if (values.some((v) => v.length === 0)) continue;
    const rows = matcher.match(values);
    dest.forEach((d, k) => {
      if (cmd.mode === "outputnew" && (d.existing?.[r] ?? null) !== null) return;
      const col = outCols[k] as number;
      const got: string[] = [];
      for (const row of rows) {
        const cell = table.rows[row]?.[col] ?? null;
        if (cell !== null) got.push(cell);
      }
      if (fill !== null) for (let i = rows.length; i < def.minMatches; i++) got.push(fill);
      d.values[r] = mv(got);
    });
  }

  // Later destinations of the same name win; a new field with no value anywhere is not added.
  let out = input;
  const written = new Map(dest.map((d) => [d.field, d] as const));
  for (const d of written.values()) {
    if (d.existing || d.values.some((v) => v !== null)) out = out.withColumn(d.field, d.values);
  }
  return out;
}

function requireFields(cmd: FieldLookupCommand, table: LookupTable, pairs: readonly LookupFieldPair[], what: string): void {
  for (const p of pairs) {
    if (table.fields.includes(p.lookupField)) continue;
    throw new SplRuntimeError(diag("bad-argument", {
      command: "lookup",
      message: `could not find the ${what} field "${p.lookupField}" in the lookup table "${cmd.table}" (its fields: ${table.fields.join(", ")})`,
    }, p.span, { hints: didYouMean(p.lookupField, table.fields), ...(cmd.origin ? { origin: cmd.origin } : {}) }));
  }
}
