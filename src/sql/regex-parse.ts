/**
 * The parser of regex-re2.ts: the RE2 text pcre-to-re2.ts makes of an SPL regex (the text re2js
 * runs in memory) → a tree whose characters, classes and `.` are sets of code points (regex-classes.ts)
 * and whose anchors carry their flags, read as RE2's parser reads that text (Go's regexp/syntax,
 * which re2js ports: `]` first in a class is literal, `-` before `]` too, `{` not starting a valid
 * count is literal, `(?i)` holds to the end of its group across `|`). A recursive descent over the
 * subset regex-re2.ts's header lists; anything else is refused (NotPushable). Each set read from
 * the text is checked against re2js on ASCII and a few other code points; a case-insensitive atom
 * becomes the ASCII characters re2js matches with it (and the parse is marked `asciiOnly`).
 */
import { RE2JS } from "re2js";
import { NotPushable } from "./compile-where.js";
import { complement, contains, MAX_CP, normalize, PERL, POSIX, PROBES, classChar, type Ranges } from "./regex-classes.js";

export type Node =
  | { readonly k: "set"; readonly ranges: Ranges }
  | { readonly k: "assert"; readonly text: string }
  | { readonly k: "cat"; readonly items: readonly Node[] }
  | { readonly k: "alt"; readonly alts: readonly Node[] }
  /** `index`: the group's number in the pattern (null: non-capturing); `slot`: its number in the output, where every group captures. */
  | { readonly k: "group"; readonly index: number | null; readonly slot: number; readonly body: Node }
  | { readonly k: "rep"; readonly min: number; readonly max: number; readonly lazy: boolean; readonly body: Node };

interface Flags { i: boolean; s: boolean; m: boolean }

/** RE2's repeat limit (re2js's and ClickHouse's alike). */
export const MAX_REPEAT = 1000;
const MAX_DEPTH = 100;

export interface Parsed {
  readonly tree: Node;
  /** Named groups: their number in the pattern (as re2js counts), and in the output (every group captures). */
  readonly numbers: ReadonlyMap<string, number>;
  readonly names: ReadonlyMap<string, number>;
  /** Some atom is case-insensitive: the tree equals the pattern on ASCII text only. */
  readonly asciiOnly: boolean;
}

/** Parses RE2 text (see the header). Throws NotPushable. */
export function parseRe2(source: string): Parsed {
  const p = new Parser(source);
  const tree = p.parse();
  return { tree, numbers: p.numbers, names: p.names, asciiOnly: p.asciiOnly };
}

class Parser {
  private readonly cps: number[];
  private pos = 0;
  private groups = 0;
  private slots = 0;
  private depth = 0;
  private flags: Flags = { i: false, s: false, m: false };
  /** Named groups: their number in the pattern, and in the output. */
  readonly numbers = new Map<string, number>();
  readonly names = new Map<string, number>();
  asciiOnly = false;

  constructor(src: string) {
    this.cps = Array.from(src, (c) => c.codePointAt(0) as number);
  }

  parse(): Node {
    const n = this.alt();
    if (this.pos < this.cps.length) throw refuse(`an unbalanced ')'`);
    return n;
  }

  private ch(o = 0): string {
    const c = this.cps[this.pos + o];
    return c === undefined ? "" : String.fromCodePoint(c);
  }

  private rest(n: number): string {
    return String.fromCodePoint(...this.cps.slice(this.pos, this.pos + n));
  }

  private alt(): Node {
    const alts = [this.cat()];
    while (this.ch() === "|") {
      this.pos += 1;
      alts.push(this.cat());
    }
    return alts.length === 1 ? (alts[0] as Node) : { k: "alt", alts };
  }

  private cat(): Node {
    const items: Node[] = [];
    while (this.pos < this.cps.length && this.ch() !== "|" && this.ch() !== ")") {
      const atom = this.atom();
      if (atom === null) continue;
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? (items[0] as Node) : { k: "cat", items };
  }

  /** `atom` followed by its repetition operator, if any. */
  private quantified(atom: Node): Node {
    const q = this.repeat();
    if (!q) return atom;
    const lazy = this.ch() === "?";
    if (lazy) this.pos += 1;
    if (this.repeat(true)) throw refuse("a repeated repetition operator");
    if (atom.k === "assert") throw refuse("a repeated assertion");
    return { k: "rep", min: q[0], max: q[1], lazy, body: atom };
  }

  /** A repetition operator at the cursor as [min, max] (max -1: unbounded); consumed unless `peek`. */
  private repeat(peek = false): [number, number] | null {
    const c = this.ch();
    let q: [number, number] | null = null;
    let len = 1;
    if (c === "*") q = [0, -1];
    else if (c === "+") q = [1, -1];
    else if (c === "?") q = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.rest(12));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === "" ? -1 : Number(m[3]);
      if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) throw refuse("a repeat count over 1000");
      q = [min, max];
      len = m[0].length;
    }
    if (q && !peek) this.pos += len;
    return q;
  }

  private atom(): Node | null {
    const c = this.ch();
    if (c === "(") return this.group();
    if (c === "[") return this.cls();
    this.pos += 1;
    switch (c) {
      case ".": return { k: "set", ranges: this.flags.s ? [[0, MAX_CP]] : complement([[10, 10]]) };
      case "^": return { k: "assert", text: this.flags.m ? "(?m:^)" : "\\A" };
      case "$": return { k: "assert", text: this.flags.m ? "(?m:$)" : "\\z" };
      case "\\": return this.escape();
      case "*": case "+": case "?": throw refuse("a repetition operator without an argument");
      case "{":
        this.pos -= 1;
        if (this.repeat(true)) throw refuse("a repetition operator without an argument");
        this.pos += 1;
        return this.literal(0x7b);
      default: return this.literal(c.codePointAt(0) as number);
    }
  }

  private literal(cp: number): Node {
    return this.flags.i ? this.folded(classChar(cp)) : { k: "set", ranges: [[cp, cp]] };
  }

  /** A case-insensitive atom (its RE2 text): the ASCII characters re2js matches with it. */
  private folded(text: string): Node {
    this.asciiOnly = true;
    return { k: "set", ranges: asciiMembers(`(?i:${text})`) };
  }

  /** A set read from the pattern text `text`, checked against re2js (or folded, under `i`). */
  private set(ranges: Ranges, text: string): Node {
    if (this.flags.i) return this.folded(text);
    const rx = oracle(text);
    for (const cp of PROBES) {
      if (contains(ranges, cp) !== rx.test(String.fromCodePoint(cp))) throw refuse(`internal: the class ${text} reads differently at U+${cp.toString(16)}`);
    }
    return { k: "set", ranges: normalize(ranges) };
  }

  private group(): Node | null {
    if (++this.depth > MAX_DEPTH) throw refuse("groups nested too deep");
    const saved = { ...this.flags };
    const head = this.rest(40);
    let index: number | null = null;
    if (head.startsWith("(?")) {
      const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(head);
      const flags = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(head);
      if (named) {
        index = ++this.groups;
        this.numbers.set(named[1] as string, index);
        this.names.set(named[1] as string, this.slots + 1);
        this.pos += named[0].length;
      } else if (flags) {
        const on = flags[1] as string;
        const off = flags[2] ?? "";
        if (/[^ims]/.test(on + off)) throw refuse(`the flags ${flags[0]}`);
        for (const f of on) this.flags[f as keyof Flags] = true;
        for (const f of off) this.flags[f as keyof Flags] = false;
        this.pos += flags[0].length;
        this.depth -= 1;
        // `(?i)`: the flags hold to the end of the enclosing group (restored by its caller).
        if (flags[3] === ")") return null;
        this.depth += 1;
      } else throw refuse(`the group ${head.slice(0, 4)}…`);
    } else {
      index = ++this.groups;
      this.pos += 1;
    }
    const slot = ++this.slots;
    const body = this.alt();
    if (this.ch() !== ")") throw refuse("a missing ')'");
    this.pos += 1;
    this.flags = saved;
    this.depth -= 1;
    return { k: "group", index, slot, body };
  }

  private escape(): Node {
    const start = this.pos - 1;
    const e = this.ch();
    this.pos += 1;
    const perl = PERL[e.toLowerCase()];
    if (perl) return this.set(e === e.toLowerCase() ? perl : complement(perl), `\\${e}`);
    switch (e) {
      case "b": case "B": case "A": case "z": return { k: "assert", text: `\\${e}` };
      default: {
        this.pos = start;
        return this.literal(this.escapedChar());
      }
    }
  }

  /** A character escape at the cursor (`\x{…}`, `\xHH`, `\t`…, `\` + punctuation) → its code point. */
  private escapedChar(): number {
    const head = this.rest(12);
    const x = /^\\x(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{2}))/.exec(head);
    if (x) {
      this.pos += x[0].length;
      const cp = parseInt((x[1] ?? x[2]) as string, 16);
      if (cp > MAX_CP) throw refuse("a code point past U+10FFFF");
      return cp;
    }
    const e = head[1] ?? "";
    const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, a: 7 };
    this.pos += 2;
    if (simple[e] !== undefined) return simple[e];
    if (/^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/.test(e)) return e.charCodeAt(0);
    throw refuse(`the escape \\${e}`);
  }

  private cls(): Node {
    const start = this.pos;
    this.pos += 1;
    const negate = this.ch() === "^";
    if (negate) this.pos += 1;
    const ranges: (readonly [number, number])[] = [];
    let first = true;
    while (first || this.ch() !== "]") {
      if (this.pos >= this.cps.length) throw refuse("a missing ']'");
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.rest(12));
      if (posix) {
        const set = POSIX[posix[2] as string];
        if (!set) throw refuse(`the class [:${posix[2]}:]`);
        ranges.push(...(posix[1] ? complement(set) : set));
        this.pos += posix[0].length;
        continue;
      }
      if (this.ch() === "\\") {
        const perl = PERL[this.ch(1).toLowerCase()];
        if (perl) {
          ranges.push(...(this.ch(1) === this.ch(1).toLowerCase() ? perl : complement(perl)));
          this.pos += 2;
          continue;
        }
      }
      const lo = this.classChar();
      let hi = lo;
      if (this.ch() === "-" && this.ch(1) !== "]" && this.ch(1) !== "") {
        this.pos += 1;
        hi = this.classChar();
        if (hi < lo) throw refuse("a backwards range");
      }
      ranges.push([lo, hi]);
    }
    this.pos += 1;
    const text = String.fromCodePoint(...this.cps.slice(start, this.pos));
    return this.set(negate ? complement(ranges) : ranges, text);
  }

  private classChar(): number {
    if (this.ch() === "\\") return this.escapedChar();
    const cp = this.cps[this.pos] as number;
    this.pos += 1;
    return cp;
  }
}

export function refuse(why: string): NotPushable {
  return new NotPushable(`a regex with ${why}`);
}

const oracles = new Map<string, RE2JS>();

/** re2js (the in-memory engine) matching exactly one character with `text`. */
function oracle(text: string): RE2JS {
  let rx = oracles.get(text);
  if (!rx) {
    rx = RE2JS.compile(`^(?:${text})$`);
    if (oracles.size > 2000) oracles.clear();
    oracles.set(text, rx);
  }
  return rx;
}

/** The ASCII characters re2js matches with the one-character pattern `text`. */
function asciiMembers(text: string): Ranges {
  const rx = oracle(text);
  const out: [number, number][] = [];
  for (let c = 0; c < 128; c++) if (rx.test(String.fromCharCode(c))) out.push([c, c]);
  return normalize(out);
}
