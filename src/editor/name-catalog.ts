/**
 * The names completion offers, as completion items grouped by kind: the command, function and
 * aggregate registries, the datamodels (`Model.Dataset` after `datamodel=`, and each root dataset's
 * prefixed fields, `Processes.process_name`), plus the macros and loaded fields of a context. The
 * registry part is built once per process; the REPL builds one from its own catalog of names.
 */
import { AGGREGATES } from "../aggregates/registry.js";
import { COMMANDS } from "../commands/registry.js";
import { datasetView } from "../datamodels/dataset-view.js";
import { DATAMODELS, rootOf } from "../datamodels/registry.js";
import { FUNCTIONS } from "../functions/registry.js";
import { builtinMacros } from "../macros/builtins.js";
import type { MacroTable } from "../macros/macro-table.js";
import { EventStore } from "../store/event-store.js";
import type { CompletionItem } from "./completion-item.js";
import { aggregateDoc, commandDoc, functionDoc, macroDoc } from "./docs.js";
import type { EditorContext } from "./editor-context.js";

export interface NameCatalog {
  readonly commands: readonly CompletionItem[];
  readonly functions: readonly CompletionItem[];
  readonly aggregates: readonly CompletionItem[];
  readonly macros: readonly CompletionItem[];
  /** The loaded data's fields. */
  readonly fields: readonly CompletionItem[];
  /** `Model.Dataset` names. */
  readonly datasets: readonly CompletionItem[];
  /** Root dataset name (the tstats prefix, `Processes`) → its prefixed fields. */
  readonly datasetFields: ReadonlyMap<string, readonly CompletionItem[]>;
}

let memo: { names: Omit<NameCatalog, "macros" | "fields">; fieldNames: Map<string, string[]> } | undefined;

/** The registry and datamodel part of the catalog (built once). */
export function registryNames(): Omit<NameCatalog, "macros" | "fields"> {
  return built().names;
}

/** Root dataset prefix → its prefixed field names, over every dataset under that root. */
export function datamodelFieldNames(): ReadonlyMap<string, readonly string[]> {
  return built().fieldNames;
}

/** The whole catalog for an editor context: registries, datamodels, its macros and fields. */
export function editorNames(ctx: EditorContext): NameCatalog {
  return {
    ...registryNames(),
    macros: macroItems(ctx.macros ?? builtinMacros()),
    fields: (ctx.fields ?? []).map((f) => ({ label: f, kind: "field" as const, detail: "field of the loaded data" })),
  };
}

/** Macro items per table, built once per table and size (a table is copied, `with`, to change it). */
const macroMemo = new WeakMap<MacroTable, { size: number; items: readonly CompletionItem[] }>();

function macroItems(table: MacroTable): readonly CompletionItem[] {
  const defs = table.values();
  const hit = macroMemo.get(table);
  if (hit && hit.size === defs.length) return hit.items;
  const items = defs.map((d): CompletionItem => ({
    label: d.name,
    kind: "macro",
    detail: d.args.length ? `${d.name}(${d.args.join(", ")})` : d.name,
    doc: macroDoc(d),
    ...(d.args.length ? { insert: `${d.name}(` } : {}),
  }));
  macroMemo.set(table, { size: defs.length, items });
  return items;
}

function built(): NonNullable<typeof memo> {
  if (memo) return memo;
  const items = new Map<string, CompletionItem[]>();
  const fieldNames = new Map<string, string[]>();
  const empty = new EventStore();
  for (const m of DATAMODELS) {
    for (const ds of m.datasets) {
      const prefix = rootOf(ds).name;
      const names = fieldNames.get(prefix) ?? [];
      const list = items.get(prefix) ?? [];
      for (const f of datasetView(empty, ds).fields) {
        const label = `${prefix}.${f.name}`;
        if (names.includes(label)) continue;
        names.push(label);
        list.push({ label, kind: "field", detail: `${m.name}.${ds.name} (${f.type}${f.multi ? ", multivalue" : ""})`, ...(f.summary ? { doc: f.summary } : {}) });
      }
      fieldNames.set(prefix, names);
      items.set(prefix, list);
    }
  }
  const names = {
    commands: Object.values(COMMANDS).map((c) => ({ label: c.kind, kind: "command" as const, detail: c.summary, doc: commandDoc(c) })),
    functions: [...FUNCTIONS.values()].map((f) => ({ label: f.name, kind: "function" as const, detail: f.signature, doc: functionDoc(f), insert: `${f.name}(` })),
    aggregates: [...AGGREGATES.values()].flatMap((a) => [a.name, ...(a.aliases ?? [])].map((n) => ({ label: n, kind: "aggregate" as const, detail: a.signature, doc: aggregateDoc(a) }))),
    datasets: DATAMODELS.flatMap((m) => m.datasets.map((d) => ({ label: `${m.name}.${d.name}`, kind: "datamodel" as const, detail: `datamodel dataset${d.parent ? ` (under ${d.parent})` : ""}` }))),
    datasetFields: items,
  };
  memo = { names, fieldNames };
  return memo;
}
