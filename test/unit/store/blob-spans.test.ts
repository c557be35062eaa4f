import { describe, expect, it } from "vitest";
import { EventStore } from "../../../src/index.js";
import type { EventInput } from "../../../src/store/event-store.js";

/** An XmlWinEventLog-like record; its EventData block is what the adapter cuts out of it. */
const raw = (i: number): string => `<Event><System><EventID>${i % 7}</EventID></System><EventData><Data Name='n'>é中😀 ${i}</Data></EventData></Event>`;
const block = (i: number): string => `<EventData><Data Name='n'>é中😀 ${i}</Data></EventData>`;

interface Case {
  readonly name: string;
  readonly event: (i: number) => EventInput["fields"];
  /** The EventData_Xml value the store must give back for row i. */
  readonly want: (i: number) => string | null;
  /** Whether every row is kept as a span of _raw (what the index writes as offsets only). */
  readonly spansOnly: boolean;
}

const CASES: readonly Case[] = [
  { name: "a slice of _raw (the XML adapters)", event: (i) => ({ _raw: raw(i), EventData_Xml: block(i) }), want: block, spansOnly: true },
  { name: "the field before _raw in the event", event: (i) => ({ EventData_Xml: block(i), _raw: raw(i) }), want: block, spansOnly: true },
  { name: "every third row has none", event: (i) => (i % 3 ? { _raw: raw(i), EventData_Xml: block(i) } : { _raw: raw(i) }), want: (i) => (i % 3 ? block(i) : null), spansOnly: true },
  { name: "empty value", event: (i) => ({ _raw: raw(i), EventData_Xml: "" }), want: () => "", spansOnly: true },
  {
    name: "some values not in _raw (a mapping file's own)",
    event: (i) => ({ _raw: raw(i), EventData_Xml: i % 5 ? block(i) : `<own ${i}/>` }),
    want: (i) => (i % 5 ? block(i) : `<own ${i}/>`),
    spansOnly: false,
  },
  { name: "no _raw", event: (i) => ({ EventData_Xml: block(i) }), want: block, spansOnly: false },
  { name: "a multivalue _raw (never sliced)", event: (i) => ({ _raw: [raw(i), "x"], EventData_Xml: block(i) }), want: block, spansOnly: false },
];

describe("a blob field found in _raw is kept as a span of it", () => {
  it.each(CASES)("$name: every value reads back, before and after compaction and appends", ({ event, want, spansOnly }) => {
    const s = new EventStore();
    const n = 9000; // three chunks, the last one open
    for (let i = 0; i < n; i++) s.append({ time: i, fields: event(i) });
    const rows = [0, 1, 2, 4095, 4096, 8191, 8192, n - 1];
    for (const r of rows) expect(s.value(r, "EventData_Xml"), `row ${r}, open`).toBe(want(r));
    s.compact();
    for (const r of rows) expect(s.value(r, "EventData_Xml"), `row ${r}, compacted`).toBe(want(r));
    s.append({ time: n, fields: event(n) }); // reopens the last chunk
    for (const r of [n - 1, n]) expect(s.value(r, "EventData_Xml"), `row ${r}, reopened`).toBe(want(r));
    const col = s.column("EventData_Xml");
    if (col?.kind !== "blob") throw new Error("expected a blob column");
    expect(col.spansOnly).toBe(spansOnly);
  });

  it("costs a few bytes per event instead of a compressed copy", () => {
    const s = new EventStore();
    const n = 5000;
    for (let i = 0; i < n; i++) s.append({ time: i, fields: { _raw: raw(i), EventData_Xml: block(i) } });
    s.compact();
    const col = s.column("EventData_Xml");
    if (col?.kind !== "blob") throw new Error("expected a blob column");
    expect(col.bytes() / n).toBeLessThanOrEqual(9);
  });
});
