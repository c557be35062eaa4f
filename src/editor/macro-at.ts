/**
 * The macro call under a cursor (for go-to-definition and hover): its name, the number of
 * arguments it is called with, and the range of the whole call, backticks included. The cursor may
 * be anywhere from the opening backtick to the closing one; backticks inside strings or comments
 * are not calls.
 */
import { parseMacroCall } from "../macros/macro-call.js";
import { cursorContext } from "./cursor-context.js";

export interface MacroAt {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  /** How many arguments the call passes (`name(a, b)` → 2), as macros are keyed. */
  readonly arity: number;
}

export function macroAt(text: string, offset: number): MacroAt | null {
  // On the opening backtick the scan before the cursor has not entered the call yet.
  const at = text[offset] === "`" && cursorContext(text, offset).in === "code" ? cursorContext(text, offset + 1) : cursorContext(text, offset);
  if (at.in !== "macro" || at.open === undefined) return null;
  const close = text.indexOf("`", at.open + 1);
  if (close < 0) return null;
  const call = parseMacroCall(text.slice(at.open, close + 1));
  if (typeof call === "string" || call.name === "") return null;
  return { name: call.name, from: at.open, to: close + 1, arity: call.args.length };
}
