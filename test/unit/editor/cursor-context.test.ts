/** cursorContext: what a cursor is in, read from the text before it (table-driven; `‸` marks it). */
import { describe, expect, it } from "vitest";
import { cursorContext } from "../../../src/editor/cursor-context.js";

const CASES = [
  { q: "index=main | sta‸", in: "code", word: "sta", command: "", atCommandName: true },
  { q: "index=main ho‸", in: "code", word: "ho", command: "search", atCommandName: false },
  { q: "| stats count by Processes.de‸", in: "code", word: "Processes.de", command: "stats", atCommandName: false },
  { q: "| eval x=\"a\\\"b‸", in: "string", word: "", command: "", atCommandName: false },
  { q: "| eval x=\"a\\\"b\" | wh‸", in: "code", word: "wh", command: "", atCommandName: true },
  { q: "| eval x='fi‸", in: "string", word: "", command: "", atCommandName: false },
  { q: "``` | stats ‸", in: "comment", word: "", command: "", atCommandName: false },
  { q: "``` x ``` | ev‸", in: "code", word: "ev", command: "", atCommandName: true },
  { q: "| tstats count `sec‸", in: "macro", word: "sec", command: "tstats", atCommandName: false },
  { q: "`drop(Proc‸", in: "macro", word: "", command: "", atCommandName: false },
  { q: "index=a [| inputlookup x | fiel‸", in: "code", word: "fiel", command: "", atCommandName: true },
  { q: "index=a [search b] | eval y=‸", in: "code", word: "", command: "eval", atCommandName: false },
  { q: "index=a [search b‸", in: "code", word: "b", command: "search", atCommandName: false },
] as const;

describe("cursorContext", () => {
  it.each(CASES)("$q", (c) => {
    const at = c.q.indexOf("‸");
    const text = c.q.slice(0, at) + c.q.slice(at + 1);
    const r = cursorContext(text, at);
    expect({ in: r.in, word: r.word, command: r.command, atCommandName: r.atCommandName }).toEqual({ in: c.in, word: c.word, command: c.command, atCommandName: c.atCommandName });
    expect(r.from).toBe(at - c.word.length);
  });
});
