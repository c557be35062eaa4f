// Shared by the datamodel tests: a store built from literal events and a tstats runner that fails on errors.
import { expect } from "vitest";
import { EventStore, runSearch, type Value } from "../../../src/index.js";

export type Fields = Readonly<Record<string, string | readonly string[]>>;

/** A store holding `events` in order, one second apart from 2023-11-14T22:13:20Z. */
export function storeOf(events: readonly Fields[]): EventStore {
  const store = new EventStore();
  events.forEach((fields, i) => store.append({ time: 1_700_000_000 + i, fields }));
  return store;
}

/** Rows of a search that must compile and run without error diagnostics. */
export function rows(query: string, store: EventStore): Record<string, Value>[] {
  const r = runSearch(query, store);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => d.message)).toEqual([]);
  return r.table?.rows() ?? [];
}

/** Warning messages of a search (e.g. tstats' "not a field" warning). */
export function warnings(query: string, store: EventStore): string[] {
  return runSearch(query, store).diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
}
