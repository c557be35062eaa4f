/** A REPL session keeps what collect and outputcsv wrote for its later searches (the CLI gives one CSV folder per session). */
import { describe, expect, it } from "vitest";
import { builtinMacros, memoryCsvFolder } from "../../../../src/index.js";
import { LocalEngine } from "../../../../src/repl/engine.js";

describe("REPL session", () => {
  it("a later prompt finds an earlier prompt's collect index and outputcsv file", () => {
    const engine = new LocalEngine({ macros: builtinMacros(), run: { now: 1_700_000_000, csv: memoryCsvFolder() }, ingest: {} });
    const ask = (spl: string) => engine.run({ spl, format: "json", color: false } as Parameters<LocalEngine["run"]>[0]);
    expect(ask('| makeresults | eval user="alice" | collect index=notes | outputcsv users').ok).toBe(true);
    expect(JSON.parse(ask("index=notes | table user").out)).toEqual([{ user: "alice" }]);
    expect(JSON.parse(ask("| inputcsv users | table user").out)).toEqual([{ user: "alice" }]);
  });
});
