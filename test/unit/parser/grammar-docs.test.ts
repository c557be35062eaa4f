import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { grammarEbnf, railroadHtml } from "../../../src/index.js";

const read = (f: string) => readFileSync(new URL(`../../../grammar/${f}`, import.meta.url), "utf8");

describe("grammar/ is generated from the parser", () => {
  it("spl.ebnf is up to date (run `npm run build && npm run grammar`)", () => {
    expect(read("spl.ebnf")).toBe(grammarEbnf());
  });
  it("railroad.html is up to date (run `npm run build && npm run grammar`)", () => {
    expect(read("railroad.html")).toBe(railroadHtml());
  });
  it("documents every rule", () => {
    expect(grammarEbnf()).toMatch(/^tstats|^pipeline ::= /m);
    expect(grammarEbnf()).toContain("searchExpr ::=");
  });
});
