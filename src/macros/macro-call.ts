/**
 * Reads the text of a macro call token (`name` or `name(a, "b, c")`) into a name and arguments,
 * splitting on top-level commas only (quotes and parentheses protect commas).
 */

export interface MacroCall {
  readonly name: string;
  readonly args: string[];
}

export function parseMacroCall(image: string): MacroCall | string {
  const inner = image.slice(1, -1).trim();
  const open = inner.indexOf("(");
  if (open < 0) {
    if (!/^[\w.:-]+$/.test(inner)) return `bad macro name "${inner}"`;
    return { name: inner, args: [] };
  }
  if (!inner.endsWith(")")) return "missing closing ) in macro arguments";
  const name = inner.slice(0, open).trim();
  const body = inner.slice(open + 1, -1);
  return { name, args: body.trim() === "" ? [] : splitArgs(body) };
}

function splitArgs(body: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      args.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(body.slice(start).trim());
  return args;
}

/**
 * Substitutes `$arg$` placeholders. A double-quoted argument placed inside a double-quoted part of
 * the body loses its own quotes, so `drop_dm_object_name("Processes")` gives `rename "Processes.*"`
 * like the bare form does (spl-semantics.md §4). Null when the result would pass `maxLength`
 * (an argument used many times over can make it grow past what a string can hold).
 */
export function substituteArgs(definition: string, names: readonly string[], values: readonly string[], maxLength = Number.POSITIVE_INFINITY): string | null {
  if (definition.length > maxLength) return null;
  if (names.length === 0) return definition;
  let out = "";
  let inQuote = false;
  for (let i = 0; i < definition.length; i++) {
    const c = definition[i] as string;
    if (c === "\\" && inQuote) {
      out += c + (definition[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === '"') inQuote = !inQuote;
    if (c === "$") {
      const end = definition.indexOf("$", i + 1);
      const name = end > i ? definition.slice(i + 1, end) : "";
      const idx = names.indexOf(name);
      if (idx >= 0) {
        let v = values[idx] ?? "";
        if (inQuote && v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
        if (out.length + v.length > maxLength) return null;
        out += v;
        i = end;
        continue;
      }
    }
    out += c;
  }
  return out;
}
