/**
 * foreach's multivalue, json_array and auto_collections modes (foreach reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/foreach): the template
 * (one `eval`, "The foreach command with all other modes … only supports searches with the eval
 * command") runs once per element of the field's value in each result, `<<ITEM>>` standing for the
 * element and `<<ITER>>` for its zero-based index ("Use as a placeholder for a zero-based
 * iterator").
 *  - multivalue: the values of the multivalue field (a single value is one element);
 *  - json_array: the elements of the JSON array the field holds ("[1, 2, 3]"); a value that is not
 *    a JSON array gives no iteration;
 *  - auto_collections: "Dynamically iterates over a JSON array or multivalue field depending on
 *    which element is present": a multivalue field by its values, else a JSON array text by its
 *    elements, else the single value.
 * The element is substituted as a literal, not as text: the page's examples use string elements
 * as values (`json_append(employees_array, "", <<ITEM>>)` gives `["Alex", "Claudia", "David"]`,
 * `<<ITEM>>.mvindex(nums, <<ITER>>)` gives `A0`) and numeric ones as numbers (`sum + <<ITEM>>`
 * over mvappend("50", "100", "30") gives 180). So an element that reads as a number is written as
 * that number, any other as a quoted string; JSON objects and arrays as their JSON text.
 */
import type { Command } from "../ast/commands.js";
import type { ForeachCommand } from "../ast/commands-combine.js";
import { escapeRegex } from "../executor/wildcard.js";
import { parseSearch } from "../frontend.js";
import type { Table } from "../table/table.js";
import { isMulti, toText, type Value } from "../values/value.js";
import { runOnRows } from "./foreach-rows.js";
import type { ExecContext } from "./types.js";

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Runs the template once per element of `cmd.patterns[0]` in each result. */
export function runItems(input: Table, cmd: ForeachCommand, ctx: ExecContext): Table {
  const col = input.column(cmd.patterns[0] as string);
  if (!col) return input;
  // The elements are read before any instance runs (an instance may change the field).
  const items = col.map((v) => elements(v, cmd.mode));
  const tokenRe = new RegExp([cmd.itemTokens.item, cmd.itemTokens.iter].map(escapeRegex).join("|"), "g");
  const pieces = split(cmd.template, tokenRe);
  const compiled = new Map<string, readonly Command[] | null>();
  const run = (text: string, sub: Table): Table => {
    let commands = compiled.get(text);
    if (commands === undefined) {
      const front = parseSearch(text, { name: "generated search" });
      commands = front.pipeline && !front.diagnostics.some((d) => d.severity === "error") ? ctx.checkPipeline(front.pipeline) : null;
      compiled.set(text, commands);
    }
    // A text that does not compile runs through runText, which raises its error as the search's.
    return commands ? ctx.run(commands, sub) : ctx.runText(text, sub);
  };
  const longest = items.reduce((n, list) => Math.max(n, list.length), 0);
  let t = input;
  for (let i = 0; i < longest; i++) {
    // Results whose i-th element gives the same instance run together.
    const groups = new Map<string, number[]>();
    for (let r = 0; r < items.length; r++) {
      const item = items[r]?.[i];
      if (item === undefined) continue;
      const text = fill(pieces, (tok) => (tok === cmd.itemTokens.item ? item : { literal: String(i), raw: String(i) }));
      const rows = groups.get(text);
      if (rows) rows.push(r);
      else groups.set(text, [r]);
    }
    for (const [text, rows] of groups) t = runOnRows(t, rows, (sub) => run(text, sub));
    ctx.budget.tick(groups.size, cmd.span);
  }
  return t;
}

/** An element as an SPL literal and as text (inside a string or a quoted field name). */
interface Element {
  readonly literal: string;
  readonly raw: string;
}

/** Where a token sits in the printed template: as a whole quoted field name or bare, or inside a string or name. */
type Piece = string | { readonly token: string; readonly as: "literal" | "string" | "name" };

/**
 * The template cut at its tokens (foreach.ts prints a bare `<<ITEM>>` bare): a bare token becomes
 * the element's literal; a token inside a `"…"` string or a quoted name `'…'` becomes its text,
 * escaped for that quote (`'<<ITEM>>'` names the field the element names, as Splunk's textual
 * substitution would).
 */
function split(template: string, tokens: RegExp): Piece[] {
  const tokenRe = new RegExp(tokens.source, "y");
  const out: Piece[] = [];
  let text = "";
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < template.length; ) {
    const ch = template[i] as string;
    tokenRe.lastIndex = i;
    const m = tokenRe.exec(template);
    if (m) {
      const tok = m[0];
      const end = i + tok.length;
      out.push(text, { token: tok, as: quote === '"' ? "string" : quote === "'" ? "name" : "literal" });
      text = "";
      i = end;
      continue;
    }
    text += ch;
    if (ch === "\\" && quote) {
      text += template[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (quote === null && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = null;
    i++;
  }
  out.push(text);
  return out;
}

function fill(pieces: readonly Piece[], valueOf: (token: string) => Element): string {
  let out = "";
  for (const p of pieces) {
    if (typeof p === "string") out += p;
    else {
      const v = valueOf(p.token);
      out += p.as === "literal" ? v.literal : p.as === "string" ? escapeFor(v.raw, '"') : escapeFor(v.raw, "'");
    }
  }
  return out;
}

function escapeFor(s: string, q: string): string {
  return s.replace(/\\/g, "\\\\").replace(q === '"' ? /"/g : /'/g, `\\${q}`);
}

/** The elements of a value, per mode. */
function elements(v: Value, mode: ForeachCommand["mode"]): Element[] {
  if (v === null) return [];
  if (isMulti(v)) return mode === "json_array" ? [] : v.map((a) => literal(a));
  const text = toText(v) ?? "";
  if (mode === "multivalue") return [literal(v)];
  const arr = jsonArray(text);
  if (arr) return arr.map(jsonLiteral);
  return mode === "auto_collections" ? [literal(v)] : [];
}

function jsonArray(text: string): unknown[] | null {
  if (!text.trimStart().startsWith("[")) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function literal(a: string | number): Element {
  const raw = String(a);
  if (typeof a === "number") return { literal: Number.isFinite(a) ? raw : quote(raw), raw };
  return { literal: NUMBER.test(a) ? a : quote(a), raw };
}

function jsonLiteral(e: unknown): Element {
  if (typeof e === "number") return { literal: String(e), raw: String(e) };
  if (typeof e === "string") return { literal: quote(e), raw: e };
  if (e === null) return { literal: "null()", raw: "" };
  const raw = JSON.stringify(e);
  return { literal: quote(raw), raw };
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
