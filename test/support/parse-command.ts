/** The i-th command of a search that must parse without errors (parser tests). */
import { expect } from "vitest";
import type { CommandNode } from "../../src/ast/nodes.js";
import { parseSearch } from "../../src/frontend.js";

export function parsedCommand(spl: string, i = 0): CommandNode {
  const r = parseSearch(spl);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const c = r.pipeline?.commands[i];
  if (!c) throw new Error(`no command ${i} in ${spl}`);
  return c;
}
