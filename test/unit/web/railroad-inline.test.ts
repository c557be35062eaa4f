// The playground's railroad page (src/web/railroad-inline.ts): the committed grammar page with
// Chevrotain's diagram files inlined refers to no other file, so a blob: URL can show it offline.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inlineRailroad, ONLY_RULES } from "../../../src/web/railroad-inline.js";

const DIAGRAMS = "node_modules/chevrotain/diagrams/";
const FILES = ["diagrams.css", "src/diagrams_builder.js", "src/diagrams_behavior.js", "src/main.js", "vendor/railroad-diagrams.js"];

describe("the self-contained railroad page", () => {
  it("inlines the stylesheet and every script, and adds the rule filter", () => {
    const files = Object.fromEntries(FILES.map((f) => [f, readFileSync(DIAGRAMS + f, "utf8")]));
    const page = inlineRailroad(readFileSync("grammar/railroad.html", "utf8"), files);
    expect(page).not.toMatch(/<script src=|<link rel='stylesheet'|unpkg\.com/);
    for (const f of FILES) expect(page).toContain(files[f]?.slice(0, 200));
    expect(page).toContain(ONLY_RULES);
    expect(page).toContain('"name": "pipeline"');
  });

  it("says which file is missing rather than leaving a script out", () => {
    expect(() => inlineRailroad(readFileSync("grammar/railroad.html", "utf8"), {})).toThrow("railroad diagram: diagrams.css is not bundled");
  });
});
