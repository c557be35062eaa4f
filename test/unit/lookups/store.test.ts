/** Name resolution (definition, then CSV file), KV stand-ins, missing tables, and in-memory writes. */
import { describe, expect, it } from "vitest";
import { buildLookupStore, EventStore, LookupStore, runSearch, type LookupWrite } from "../../../src/index.js";

const defs = [
  { path: "dir/users.yml", text: "name: users\nfilename: users.csv\n" },
  { path: "dir/kv.yml", text: "name: seen\ncollection: seen_coll\nfields_list: user, firstTime\n" },
  { path: "dir/model.yml", text: "name: model\nfilename: model.mlmodel\n" },
  { path: "dir/gone.yml", text: "name: gone\nfilename: gone.csv\n" },
];
const csvs = [
  { path: "first/users.csv", text: "user,dept\nbob,ops\n" },
  { path: "second/users.csv", text: "user,dept\nshadowed,x\n" },
  { path: "second/extra.csv", text: "a\n1\n" },
];

describe("LookupStore.resolve", () => {
  const { store, problems } = buildLookupStore(defs, csvs);

  it("loads without problems; the first file of a name wins", () => {
    expect(problems).toEqual([]);
    expect(store.file("users.csv")?.rows).toEqual([["bob", "ops"]]);
    expect([...store.fileNames].sort()).toEqual(["extra.csv", "users.csv"]);
  });

  it("a definition name resolves to its file, a file name to itself with default settings", () => {
    expect(store.resolve("users")).toMatchObject({ filename: "users.csv", definition: { name: "users" }, table: { fields: ["user", "dept"] } });
    expect(store.resolve("extra.csv")).toMatchObject({ filename: "extra.csv", definition: { name: "extra.csv", caseSensitive: true, maxMatches: 100 } });
  });

  it("explains every kind of missing table", () => {
    expect(store.resolve("seen")).toMatchObject({ filename: "seen_coll.csv", table: null });
    expect(store.resolve("seen").missing).toContain('KV-store collection "seen_coll"');
    expect(store.resolve("gone").missing).toBe('the file of lookup "gone", gone.csv, is not loaded');
    expect(store.resolve("model")).toMatchObject({ filename: null, missing: 'lookup "model" is model.mlmodel, not a CSV table' });
    expect(store.resolve("nope.csv")).toMatchObject({ filename: "nope.csv", definition: { name: "nope.csv" }, missing: "the lookup file nope.csv is not loaded" });
    expect(store.resolve("nope")).toMatchObject({ filename: null, definition: null, missing: 'no lookup definition or CSV file is named "nope"' });
  });

  it("a KV collection reads <collection>.csv when present", () => {
    const withData = buildLookupStore(defs, [{ path: "x/seen_coll.csv", text: "user,firstTime\nbob,1\n" }]).store;
    expect(withData.resolve("seen").table?.rows).toEqual([["bob", "1"]]);
  });
});

describe("writes through runSearch", () => {
  it("default: in memory, visible to the next search sharing the store", () => {
    const lookups = new LookupStore();
    const events = new EventStore();
    runSearch('| makeresults | eval u="a" | fields - _time | outputlookup t.csv', events, { lookups });
    expect(lookups.file("t.csv")).toEqual({ fields: ["u"], rows: [["a"]] });
    const r = runSearch("| inputlookup t.csv", events, { lookups });
    expect(r.table?.rows()).toEqual([{ u: "a" }]);
  });

  it("the writer option sees each write first and can refuse it (a runtime error; memory unchanged)", () => {
    const lookups = new LookupStore();
    const seen: LookupWrite[] = [];
    const ok = runSearch('| makeresults | eval u="a" | fields - _time | outputlookup t.csv', new EventStore(), { lookups, writeLookup: (w) => seen.push(w) });
    expect(ok.diagnostics).toEqual([]);
    expect(seen).toEqual([{ name: "t.csv", filename: "t.csv", table: { fields: ["u"], rows: [["a"]] } }]);
    const refused = runSearch("| makeresults | outputlookup u.csv", new EventStore(), {
      lookups, writeLookup: () => {
        throw new Error("read-only");
      },
    });
    expect(refused.table).toBeNull();
    expect(refused.diagnostics[0]?.message).toBe("outputlookup: cannot write u.csv: read-only");
    expect(lookups.file("u.csv")).toBeUndefined();
  });
});
