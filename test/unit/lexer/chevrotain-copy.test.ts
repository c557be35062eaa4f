/**
 * src/lexer/chevrotain.ts loads chevrotain's one-file bundle (~0.5 s of CPU less per start than its
 * package entry). A value imported from "chevrotain" anywhere else would load the package entry as
 * a second copy, whose token types, EOF and GAST classes are not the parser's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []);
}

it("only src/lexer/chevrotain.ts imports values from chevrotain", () => {
  const offenders = sources(SRC).filter((f) =>
    !f.endsWith(join("lexer", "chevrotain.ts")) && /^import\s+(?!type\b)[^;]*?from\s+"chevrotain";/ms.test(readFileSync(f, "utf8")));
  expect(offenders.map((f) => f.slice(SRC.length))).toEqual([]);
});
