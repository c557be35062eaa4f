/** from, datamodel, untable, xyseries: argument forms and errors. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });
const firstError = (q: string) => run(q).diagnostics.find((d) => d.severity === "error");

describe("from", () => {
  it("accepts datamodel:Model.Dataset written as one word", () => {
    expect(firstError("| from datamodel:Endpoint.Processes | stats count")).toBeUndefined();
  });

  it("must be the first command", () => {
    expect(firstError('| makeresults | from datamodel:"Endpoint.Processes"')?.message).toContain("generating command");
  });

  it("points an unknown dataset at its name", () => {
    const q = '| from datamodel:"Endpoint.Nope"';
    const d = firstError(q);
    expect(d?.code).toBe("unknown-datamodel");
    expect(q.slice(d?.span?.start, d?.span?.end)).toBe('"Endpoint.Nope"');
  });
});

describe("datamodel", () => {
  it("rejects acceleration_search", () => {
    expect(firstError("| datamodel Endpoint Processes acceleration_search")?.message).toContain("not supported");
  });
});

describe("untable and xyseries", () => {
  it("untable skips empty cells", () => {
    const r = run('| makeresults | eval h="a", x=1 | append [| makeresults | eval h="b", y=2] | table h x y | untable h k v');
    expect(r.table?.rows()).toEqual([{ h: "a", k: "x", v: 1 }, { h: "b", k: "y", v: 2 }]);
  });

  it("xyseries names columns <data><sep><name> with several data fields", () => {
    const r = run('| makeresults | eval h="a", k="cpu", v=1, w=2 | xyseries h k v w');
    // The xyseries page: 'separates the field name and field value by the default ":"'.
    expect(r.table?.rows()).toEqual([{ h: "a", "v:cpu": 1, "w:cpu": 2 }]);
  });
});
