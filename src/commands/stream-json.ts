/**
 * JSON for spath and fromjson. A small parser keeps what Splunk shows and JSON.parse loses: the
 * text of numbers as written (`1.0` stays `1.0`), key order, and the original text of nested objects
 * and arrays (an extracted object is its JSON text). Paths are spath location paths: steps
 * separated by `.`, each a key with optional `{}` (every element of an array) or `{n}` (element n,
 * counted from 0 as in json_extract and SPL2's array access) selectors.
 * Scalars come out as text; JSON null as the text `null` and booleans as `true`/`false` (Splunk
 * keeps JSON literals as strings; docs silent on null, a choice).
 */

export type JNode =
  /** `jsonNull` marks the literal null (its text "null" is also the text of the string "null"). */
  | { readonly kind: "scalar"; readonly text: string; readonly jsonNull?: true }
  | { readonly kind: "array"; readonly items: readonly JNode[]; readonly raw: string }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, JNode])[]; readonly raw: string };

/** Parses a JSON document; null when it is not valid JSON. */
export function parseJson(s: string): JNode | null {
  const p = new Parser(s);
  try {
    p.ws();
    const v = p.value();
    p.ws();
    return p.i === s.length ? v : null;
  } catch {
    return null;
  }
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && " \t\r\n".includes(this.s[this.i]!)) this.i++;
  }

  value(): JNode {
    const c = this.s[this.i];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return { kind: "scalar", text: this.string() };
    LITERAL.lastIndex = this.i;
    const m = LITERAL.exec(this.s);
    if (!m) throw new Error("bad JSON");
    this.i += m[0].length;
    return m[0] === "null" ? { kind: "scalar", text: m[0], jsonNull: true } : { kind: "scalar", text: m[0] };
  }

  string(): string {
    STRING.lastIndex = this.i;
    const m = STRING.exec(this.s);
    if (!m) throw new Error("bad JSON string");
    this.i += m[0].length;
    // A validated JSON string literal: decoding it is data parsing, not code execution.
    return JSON.parse(m[0]) as string;
  }

  object(): JNode {
    const start = this.i++;
    const entries: [string, JNode][] = [];
    this.ws();
    if (this.s[this.i] === "}") return { kind: "object", entries, raw: this.s.slice(start, ++this.i) };
    for (;;) {
      this.ws();
      const key = this.string();
      this.ws();
      if (this.s[this.i++] !== ":") throw new Error("expected :");
      this.ws();
      entries.push([key, this.value()]);
      this.ws();
      const c = this.s[this.i++];
      if (c === "}") return { kind: "object", entries, raw: this.s.slice(start, this.i) };
      if (c !== ",") throw new Error("expected , or }");
    }
  }

  array(): JNode {
    const start = this.i++;
    const items: JNode[] = [];
    this.ws();
    if (this.s[this.i] === "]") return { kind: "array", items, raw: this.s.slice(start, ++this.i) };
    for (;;) {
      this.ws();
      items.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === "]") return { kind: "array", items, raw: this.s.slice(start, this.i) };
      if (c !== ",") throw new Error("expected , or ]");
    }
  }
}

/** The text a node is extracted as. */
export function jsonText(n: JNode): string {
  return n.kind === "scalar" ? n.text : n.raw;
}

/** One step of a location path: a name (possibly empty) and its `{}`/`{n}`/`{@attr}` selectors. */
export interface PathStep {
  readonly name: string;
  readonly selectors: readonly (number | "all" | { readonly attr: string })[];
}

/** Splits a location path into steps; null when malformed. */
export function parsePath(path: string): PathStep[] | null {
  const steps: PathStep[] = [];
  for (const part of path.split(/\.(?![^{]*\})/)) {
    const m = /^([^{}]*)((?:\{[^{}]*\})*)$/.exec(part);
    if (!m) return null;
    const selectors: PathStep["selectors"][number][] = [];
    for (const s of (m[2] ?? "").matchAll(/\{([^{}]*)\}/g)) {
      const body = s[1] ?? "";
      if (body === "") selectors.push("all");
      else if (/^\d+$/.test(body)) selectors.push(Number(body));
      else if (body.startsWith("@")) selectors.push({ attr: body.slice(1) });
      else return null;
    }
    steps.push({ name: m[1] ?? "", selectors });
  }
  return steps;
}

/** The values a path selects in a JSON document. `{}` on a non-array keeps the node. */
export function jsonPath(root: JNode, steps: readonly PathStep[]): string[] {
  let nodes: JNode[] = [root];
  for (const step of steps) {
    if (step.name !== "") {
      nodes = nodes.flatMap((n) => (n.kind === "object" ? n.entries.filter(([k]) => k === step.name).map(([, v]) => v) : []));
    }
    for (const sel of step.selectors) {
      nodes = nodes.flatMap((n): JNode[] => {
        if (sel === "all") return n.kind === "array" ? [...n.items] : [n];
        if (typeof sel === "number") return n.kind === "array" && sel < n.items.length ? [n.items[sel]!] : [];
        return [];
      });
    }
  }
  return nodes.map(jsonText);
}

/** Every leaf path of a document with its values (auto-extract): `a.b`, arrays as `a{}`. */
export function jsonFlatten(root: JNode, into: Map<string, string[]>, prefix = ""): void {
  if (root.kind === "scalar") {
    if (prefix === "") return;
    const list = into.get(prefix);
    if (list) list.push(root.text);
    else into.set(prefix, [root.text]);
    return;
  }
  if (root.kind === "array") {
    for (const item of root.items) jsonFlatten(item, into, `${prefix}{}`);
    return;
  }
  for (const [k, v] of root.entries) jsonFlatten(v, into, prefix === "" ? k : `${prefix}.${k}`);
}
