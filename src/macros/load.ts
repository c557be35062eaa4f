/**
 * Parsers for macro definition files (pure: the CLI reads the files). Two formats:
 * ESCU `macros/*.yml` (name, arguments, definition) and Splunk `macros.conf` stanzas.
 */
import { parseLenientYaml as parseYaml } from "../yaml/lenient-yaml.js";
import type { MacroDef } from "./macro-table.js";

export interface MacroLoadResult {
  readonly macros: MacroDef[];
  readonly errors: { readonly file: string; readonly line: number; readonly message: string }[];
}

/** One ESCU macro YAML file. */
export function parseEscuMacroYaml(text: string, file: string): MacroLoadResult {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
    return { macros: [], errors: [{ file, line, message: (e as Error).message.split("\n")[0] ?? "bad YAML" }] };
  }
  const o = doc as { name?: unknown; definition?: unknown; arguments?: unknown };
  if (typeof o?.name !== "string" || o.definition === undefined || o.definition === null) {
    return { macros: [], errors: [{ file, line: 1, message: "a macro file needs `name` and `definition`" }] };
  }
  const args = Array.isArray(o.arguments) ? o.arguments.map(String) : [];
  // ESCU writes the arity in the name of some macros ("x(1)"); the arguments list is authoritative.
  const name = o.name.replace(/\(\d+\)$/, "");
  return { macros: [{ name, args, definition: String(o.definition), origin: file }], errors: [] };
}

/** A Splunk macros.conf: `[name(n)]` stanzas with `definition =` (continued by trailing `\`) and `args =`. */
export function parseMacrosConf(text: string, file: string): MacroLoadResult {
  const macros: MacroDef[] = [];
  const errors: MacroLoadResult["errors"][number][] = [];
  const lines = text.split(/\r?\n/);
  let stanza: { name: string; arity: number; line: number; kv: Map<string, string> } | null = null;
  const flush = (): void => {
    if (!stanza) return;
    const def = stanza.kv.get("definition");
    if (def === undefined) errors.push({ file, line: stanza.line, message: `stanza [${stanza.name}] has no definition` });
    else {
      const args = (stanza.kv.get("args") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      if (args.length !== stanza.arity) {
        errors.push({ file, line: stanza.line, message: `stanza declares ${stanza.arity} argument(s) but args lists ${args.length}` });
      } else macros.push({ name: stanza.name, args, definition: def, origin: file });
    }
    stanza = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const head = /^\[([^\]()]+)(?:\((\d+)\))?\]$/.exec(line);
    if (head) {
      flush();
      stanza = { name: (head[1] as string).trim(), arity: Number(head[2] ?? 0), line: i + 1, kv: new Map() };
      continue;
    }
    const kv = /^([\w.]+)\s*=\s?(.*)$/.exec(raw.trimStart());
    if (!kv || !stanza) {
      errors.push({ file, line: i + 1, message: `cannot read line: ${line.slice(0, 60)}` });
      continue;
    }
    let value = kv[2] as string;
    while (value.endsWith("\\") && i + 1 < lines.length) {
      value = `${value.slice(0, -1)}\n${lines[++i] as string}`;
    }
    stanza.kv.set(kv[1] as string, value.trim());
  }
  flush();
  return { macros, errors };
}
