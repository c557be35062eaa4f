/**
 * foreach's fast path: one parse of the template for all fields, instead of a parse per field.
 *
 * Substitution stays textual (foreach.ts): an instance is the template text with its tokens
 * replaced, and `ctx.runText(instance)` is the reference. Compiling that text from scratch (lex,
 * parse, CST→AST) for each of 9,800 fields (`foreach *` over a wide table) took seconds, so the
 * template is parsed once as a *sentinel instance*: each distinct token (`<<FIELD>>`,
 * `<<MATCHSTR>>`, `<<MATCHSEG1..3>>` or the fieldstr=/matchstr= ones) replaced by an identifier
 * that cannot occur in the template (`zqForeachSentinel0zq`…). An instance whose lexing matches
 * the sentinel instance's token for token takes the sentinel AST with the sentinels replaced by the
 * values in every string, and spans moved by the length differences.
 *
 * Why that AST is the one `parseSearch(instance)` builds, given the conditions `instantiate` checks:
 * - Lexing: the instance must have the same tokens (types, `glued` flags) with each image the
 *   sentinel image with sentinels replaced (sentinels sit inside identifiers, `"…"` strings or
 *   `'…'` names). That follows from the values for most templates (sameLexing below says why);
 *   for the others each instance is tokenized and compared. (Tokenizing every instance was the
 *   first design, but in a `foreach *` over 19,000 fields each tokenize took ~15 µs, a third of
 *   the time.) The sentinel instance has no macro call, so macro expansion leaves both streams as
 *   lexed, and the length and nesting limits (frontend.ts, token-depth.ts) read only the count and
 *   types.
 * - Parsing: Chevrotain's decisions (the LL(k) lookahead table) read token types; the grammar's
 *   gates (parser.ts) read types, `glued` and a few images: the upper/lower case of keyword tokens
 *   (which never hold a sentinel: a sentinel lexes as part of an Identifier, string or quoted name),
 *   and Identifier images compared with `search` (implicitSearch, command), `eval`/`where`
 *   (commandSyntax), `eval` (callValue), `CASE`/`TERM` (startsDirective), sort's type wrappers
 *   (keepsCallMeaning: cst-to-ast.ts reads a call's name there) and the Splunk command
 *   names (startsTemplateCommand). No sentinel image is any of those, so an Identifier holding a
 *   sentinel must not become one in the instance either (GATE_WORDS, isCommandName): then every
 *   decision is the same and the CST has the same shape, token for token.
 * - CST→AST (cst-to-ast.ts): every string in the AST is built from images by concatenation (with
 *   spaces, parentheses) and `unquote`, which drops the backslash of `\"`, `\'`, `\\` only; values
 *   are plain identifiers ([A-Za-z_][A-Za-z0-9_]*) like the sentinels, or empty where no sentinel
 *   follows a backslash (`emptyOk`), so no backslash pair starts or ends differently and replacing
 *   sentinels commutes with building the string. Numbers, operators
 *   and command-name tests read tokens that hold no sentinel. The template may not contain `zq`, so
 *   every `zqForeachSentinel<k>zq` in an AST string is one the substitution put there.
 * - Spans are token offsets in the instance text (source 0, "generated search", as in runText): an
 *   offset moves by the length differences of the sentinels before it (a span never starts or ends
 *   inside a token). There are no macro origins.
 * The check then runs on the instance AST itself (ctx.checkPipeline), and when it reports an error
 * the instance is run textually, so the error reads exactly as before. Any instance that fails a
 * condition (a value with `-`, `.` or a space, a keyword, a command name…) also runs textually.
 */
import type { TokenType } from "chevrotain";
import type { Pipeline } from "../ast/nodes.js";
import { parseSearch } from "../frontend.js";
import { tokenize } from "../lexer/lexer.js";
import { Identifier, Lt, MacroCall, Number as NumberToken, QuotedName, StringLiteral } from "../lexer/tokens.js";
import { isCommandName, keepsCallMeaning } from "../parser/command-syntax.js";
import type { SourceText, Span } from "../source/source-text.js";

/**
 * Internal switch and counters: tests force the textual path (`enabled = false`) to compare, and
 * count which path each instance took.
 */
export const foreachFastPath = {
  enabled: true,
  /** Also tokenize each instance and compare with the lexing argument of `sameLexing` (tests). */
  verifyLexing: false,
  fast: 0,
  textual: 0,
};

/** The name runText gives the generated search (executor/execute.ts compileText). */
const SOURCE_NAME = "generated search";
const SENTINEL_MARK = "zqForeachSentinel";
const SENTINEL_RE = /zqForeachSentinel(\d+)zq/g;
const sentinel = (k: number): string => `${SENTINEL_MARK}${k}zq`;

/** Identifier images the parser's gates compare with (besides the command names). */
const GATE_WORDS: ReadonlySet<string> = new Set(["search", "eval", "where", "case", "term"]);
const KEYWORDS: ReadonlySet<string> = new Set(["and", "or", "not", "xor", "in", "like", "by", "as", "where"]);
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const IDENTIFIER_START = /^[A-Za-z_]/;

const isGateWord = (w: string): boolean => GATE_WORDS.has(w.toLowerCase()) || isCommandName(w) || keepsCallMeaning(w);
/** A value the fast path may substitute: a plain identifier that no rule reads as a keyword or command. */
const isPlainValue = (v: string): boolean => PLAIN.test(v) && !KEYWORDS.has(v.toLowerCase()) && !isGateWord(v);

interface TemplateToken {
  readonly type: TokenType;
  readonly glued: boolean;
  readonly image: string;
  readonly hasSentinel: boolean;
  /** The image split at its sentinels (see pieces). */
  readonly pieces: Pieces;
}

/** A string split at its sentinels: literal text and sentinel indexes, alternating. */
type Pieces = readonly (string | number)[];

function pieces(s: string): Pieces {
  const out: (string | number)[] = [];
  let at = 0;
  for (const m of s.matchAll(SENTINEL_RE)) {
    out.push(s.slice(at, m.index), Number(m[1]));
    at = m.index + m[0].length;
  }
  out.push(s.slice(at));
  return out;
}

/** The string of `ps` with each sentinel replaced by its value. */
function fill(ps: Pieces, values: readonly string[]): string {
  let out = "";
  for (const p of ps) out += typeof p === "number" ? values[p] : p;
  return out;
}

export interface SentinelTemplate {
  /** The distinct template tokens; sentinel k stands for tokens[k]. */
  readonly tokens: readonly string[];
  /** The sentinel indices that occur in the template. */
  readonly used: readonly number[];
  readonly lexed: readonly TemplateToken[];
  /** The sentinel-holding tokens (indexes into lexed). */
  readonly holders: readonly number[];
  /**
   * True when the lexing of an instance is known from the values alone (see sameLexing); false
   * when each instance must be tokenized and compared.
   */
  readonly local: boolean;
  /** True when an empty value may be substituted: no sentinel follows a backslash. */
  readonly emptyOk: boolean;
  readonly pipeline: Pipeline;
  /** Builds an instance's AST from the sentinel AST (null: no part differs). */
  readonly copy: Copier;
  /** Each sentinel occurrence in the sentinel instance: its offset and index, in text order. */
  readonly occurrences: readonly { readonly offset: number; readonly k: number }[];
}

const source = (text: string): SourceText => ({ id: 0, name: SOURCE_NAME, text });

/**
 * The sentinel instance of a template, parsed; null when the fast path cannot be used for it (the
 * template holds `zq`, a token is empty, or the sentinel instance has a macro call or any diagnostic).
 * `tokenRe` is the substitution foreach applies (its alternation order decides between tokens that
 * overlap), so the sentinels land exactly where the values do.
 */
export function sentinelTemplate(template: string, tokens: readonly string[], tokenRe: RegExp): SentinelTemplate | null {
  if (template.includes("zq") || tokens.some((t) => t === "")) return null;
  const distinct = [...new Set(tokens)];
  const text = template.replace(tokenRe, (tok) => sentinel(distinct.indexOf(tok)));
  const lexed = tokenize(source(text));
  if (lexed.diagnostics.length > 0 || lexed.tokens.some((t) => t.tokenType === MacroCall)) return null;
  const front = parseSearch(text, { name: SOURCE_NAME });
  if (front.diagnostics.length > 0 || !front.pipeline) return null;
  const occurrences = [...text.matchAll(SENTINEL_RE)].map((m) => ({ offset: m.index, k: Number(m[1]) }));
  const toks = lexed.tokens.map((t) => ({ type: t.tokenType, glued: t.glued, image: t.image, hasSentinel: t.image.includes(SENTINEL_MARK), pieces: pieces(t.image) }));
  const holders = toks.flatMap((t, i) => (t.hasSentinel ? [i] : []));
  const inTokens = holders.reduce((n, i) => n + (toks[i]!.image.match(SENTINEL_RE)?.length ?? 0), 0);
  const local = inTokens === occurrences.length && holders.every((i) => {
    const t = toks[i]!;
    if (t.type === StringLiteral || t.type === QuotedName) return true;
    // A number or `<` glued before the identifier could take in a value's start: `1<<FIELD>>`
    // with `e5` is the number `1e5`, `<<<<FIELD>>>>` with `ABC` the placeholder `<<ABC>>`.
    const before = t.glued ? toks[i - 1]?.type : undefined;
    return t.type === Identifier && before !== NumberToken && before !== Lt;
  });
  const copy = copier(front.pipeline, occurrences[0]?.offset ?? Number.POSITIVE_INFINITY);
  const emptyOk = occurrences.every((o) => text[o.offset - 1] !== "\\");
  return { tokens: distinct, used: [...new Set(occurrences.map((o) => o.k))], lexed: toks, holders, local, emptyOk, pipeline: front.pipeline, copy, occurrences };
}

/**
 * Whether `text` (the sentinel instance with plain-identifier values for the sentinels) lexes to
 * the sentinel instance's tokens with the sentinels replaced, decided without lexing it when
 * `tpl.local`. Chevrotain lexes left to right, each token from its first character, so tokens
 * that hold no sentinel and start at the same place come out the same, and:
 * - In a `"…"` string or `'…'` name (StringLiteral, QuotedName), only quotes and backslashes end
 *   or escape; a sentinel and a value are both runs of identifier characters, so the token ends
 *   at the same place (an escape before either is `\` + a letter or `_` in both). An empty value
 *   is taken only when no sentinel follows a backslash (`emptyOk`): `"\<<F>>"` would become `"\"`.
 * - An identifier is the longest run of [A-Za-z0-9_] (a keyword only when the whole run is one,
 *   `longer_alt`); the characters around the run are unchanged and are not identifier
 *   characters. No token before it can reach into the run either: strings, names, comments and
 *   macro calls end at the same quote or backtick whatever identifier characters they cross, and
 *   the other patterns are fixed characters, except a number (a value `e5` after `1` makes `1e5`)
 *   and the placeholder after `<` (`<<` + `ABC` + `>>`), which sentinelTemplate rules out when
 *   glued before (`local` false). So the run stays one token, of the same type unless the whole
 *   new image is a keyword, which is checked here.
 * Every sentinel of the text sits in such a token (sentinelTemplate counts them). When `local` is
 * false, the instance is tokenized and compared token by token.
 */
function sameLexing(tpl: SentinelTemplate, values: readonly string[], textOf: () => string): boolean {
  if (tpl.local && !foreachFastPath.verifyLexing) return localLexing(tpl, values);
  const text = textOf();
  const same = tokenizedLexing(tpl, text, values);
  if (tpl.local && same !== localLexing(tpl, values)) throw new Error(`internal: foreach lexing check disagrees on ${JSON.stringify(text)}`);
  return same;
}

function localLexing(tpl: SentinelTemplate, values: readonly string[]): boolean {
  for (const i of tpl.holders) {
    const t = tpl.lexed[i] as TemplateToken;
    if (t.type !== Identifier) continue;
    const image = fill(t.pieces, values);
    // An empty value must leave an identifier (`x_<<MATCHSTR>>`), not nothing or a number.
    if (!IDENTIFIER_START.test(image) || KEYWORDS.has(image.toLowerCase())) return false;
  }
  return true;
}

function tokenizedLexing(tpl: SentinelTemplate, text: string, values: readonly string[]): boolean {
  const lexed = tokenize(source(text));
  if (lexed.diagnostics.length > 0 || lexed.tokens.length !== tpl.lexed.length) return false;
  for (let i = 0; i < lexed.tokens.length; i++) {
    const a = tpl.lexed[i] as TemplateToken;
    const b = lexed.tokens[i]!;
    if (b.tokenType !== a.type || b.glued !== a.glued) return false;
    if (b.image !== (a.hasSentinel ? fill(a.pieces, values) : a.image)) return false;
  }
  return true;
}

/**
 * The AST of one instance (`textOf()`, the template with `valueOf(token)` substituted), built from
 * the sentinel AST; null when the conditions above do not hold (the caller then compiles the
 * text). The text is asked for only when the instance must be tokenized.
 */
export function instantiate(tpl: SentinelTemplate, valueOf: (token: string) => string, textOf: () => string): Pipeline | null {
  const values = tpl.tokens.map(valueOf);
  for (const k of tpl.used) {
    const v = values[k] as string;
    if (!(isPlainValue(v) || (v === "" && tpl.emptyOk))) return null;
  }
  if (!sameLexing(tpl, values, textOf)) return null;
  // The parser's gates read these images (see the top of the file).
  for (const i of tpl.holders) {
    const t = tpl.lexed[i] as TemplateToken;
    if (t.type === Identifier && isGateWord(fill(t.pieces, values))) return null;
  }
  const deltas = tpl.occurrences.map((o) => (values[o.k] as string).length - sentinel(o.k).length);
  const shift = (offset: number): number => {
    let out = offset;
    for (let j = 0; j < tpl.occurrences.length && tpl.occurrences[j]!.offset < offset; j++) out += deltas[j]!;
    return out;
  };
  return (tpl.copy ? tpl.copy({ values, shift }) : tpl.pipeline) as Pipeline;
}

/** What an instance needs to copy the sentinel AST: the values of the sentinels and the span shift. */
interface CopyContext {
  readonly values: readonly string[];
  readonly shift: (offset: number) => number;
}

/** Builds one part of an instance's AST; null for a part that is the same in every instance (shared). */
type Copier = ((c: CopyContext) => unknown) | null;

/**
 * A copier of the sentinel AST, made once per template: strings holding a sentinel are
 * substituted, spans that reach past the first sentinel are shifted, and subtrees with neither are
 * shared between instances (nothing downstream changes an AST). A generic deep copy per instance
 * (Object.keys, type tests) was a fifth of the time of a wide `foreach *`.
 */
function copier(v: unknown, firstOffset: number): Copier {
  if (typeof v === "string") {
    if (!v.includes(SENTINEL_MARK)) return null;
    const ps = pieces(v);
    return (c) => fill(ps, c.values);
  }
  if (typeof v !== "object" || v === null) return null;
  if (Array.isArray(v)) {
    const parts = v.map((x) => copier(x, firstOffset));
    if (parts.every((p) => p === null)) return null;
    return (c) => parts.map((p, i) => (p ? p(c) : v[i]));
  }
  const o = v as Record<string, unknown>;
  if (isSpan(o)) {
    const { start, end, source: src } = o as unknown as Span;
    return end <= firstOffset && start <= firstOffset ? null : (c) => ({ start: c.shift(start), end: c.shift(end), source: src });
  }
  const keys = Object.keys(o);
  const parts = keys.map((k) => copier(o[k], firstOffset));
  if (parts.every((p) => p === null)) return null;
  return (c) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const p = parts[i];
      const k = keys[i] as string;
      out[k] = p ? p(c) : o[k];
    }
    return out;
  };
}

function isSpan(o: Record<string, unknown>): boolean {
  return typeof o.start === "number" && typeof o.end === "number" && typeof o.source === "number" && Object.keys(o).length === 3;
}
