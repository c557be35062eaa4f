/**
 * Compiles a search expression (search command, base search, tstats where) into a row predicate
 * with Splunk's search semantics (spl-semantics.md §5): case-insensitive values, `*` wildcards,
 * `field!=v` needs the field, `NOT field=v` keeps events without it, free text against `_raw`,
 * `*` matches every row (even rows without `_raw`, so ESCU's `search *` filters keep tstats rows).
 */
import type { SearchExpr, SearchValue } from "../ast/nodes.js";
import { compareAtoms } from "../values/value.js";
import type { FieldSource, RowTest } from "./field-source.js";
import { valueMatcher } from "./wildcard.js";

const ALWAYS: RowTest = () => true;

export interface SearchCompileOptions {
  /** Field names are rewritten through this before lookup (e.g. tstats prefixes). */
  readonly resolve?: (field: string) => string;
  /** Terms on these fields are handled by the caller (time modifiers): treated as true here. */
  readonly ignoreFields?: ReadonlySet<string>;
}

export function compileSearch(expr: SearchExpr | null, src: FieldSource, opts: SearchCompileOptions = {}): RowTest {
  if (!expr) return ALWAYS;
  const field = (name: string) => src.field(opts.resolve ? opts.resolve(name) : name);
  const go = (e: SearchExpr): RowTest => {
    switch (e.kind) {
      case "and": return all(e.items.map(go));
      case "or": return any(e.items.map(go));
      case "not": { const inner = go(e.operand); return (r) => !inner(r); }
      case "term": return termTest(e.value, src);
      case "in": return any(e.values.map((v) => compareTest(field(e.field), "=", v)));
      case "compare":
        if (opts.ignoreFields?.has(e.field.toLowerCase())) return ALWAYS;
        return compareTest(field(e.field), e.op, e.value);
      case "subsearch": return ALWAYS; // expanded before compilation by the executor
    }
  };
  return go(expr);
}

function all(tests: RowTest[]): RowTest {
  if (tests.length === 1) return tests[0] as RowTest;
  return (r) => {
    for (const t of tests) if (!t(r)) return false;
    return true;
  };
}

function any(tests: RowTest[]): RowTest {
  if (tests.length === 1) return tests[0] as RowTest;
  return (r) => {
    for (const t of tests) if (t(r)) return true;
    return false;
  };
}

/**
 * `CASE(x)` makes a term or value case-sensitive and `TERM(x)` matches x as one term
 * (spl-semantics.md §5.1, CASETERM); both only when written unquoted.
 */
function directive(value: SearchValue): { text: string; caseSensitive: boolean; term: boolean } {
  const m = value.quoted ? null : /^(CASE|TERM)\((.*)\)$/s.exec(value.text);
  if (!m) return { text: value.text, caseSensitive: false, term: false };
  return { text: m[2] as string, caseSensitive: m[1] === "CASE", term: m[1] === "TERM" };
}

/**
 * Splunk's default major breakers (segmenters.conf): a TERM() must stand between two of them (or
 * the start or end of the event). Search Manual, "Use CASE() and TERM() to match phrases": TERM
 * "does not work for terms that are not bounded by major breakers", e.g. `ip=10.0.0.1` holds no
 * term 10.0.0.1 since `=` is a minor breaker.
 */
const MAJOR = String.raw`\s\[\]<>(){}|!;,'"*&?+`;

function termTest(value: SearchValue, src: FieldSource): RowTest {
  if (value.text === "*") return ALWAYS;
  // Free text: a match anywhere in _raw, so `whoami*` finds "…whoami.exe…" (Splunk matches indexed
  // terms; a substring is a superset of that, documented in src/executor/README.md).
  const { text, caseSensitive, term } = directive(value);
  if (term) return src.field("_raw").anyValue(boundedTerm(text));
  return src.field("_raw").anyValue(valueMatcher(`*${text}*`, caseSensitive));
}

/** TERM(x): x (its `*` within one term) between major breakers, in any case. */
function boundedTerm(text: string): (s: string) => boolean {
  const body = text.split("*").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(`[^${MAJOR}]*`);
  const re = new RegExp(`(?:^|[${MAJOR}])${body}(?=$|[${MAJOR}])`, "i");
  return (s) => re.test(s);
}

function compareTest(h: ReturnType<FieldSource["field"]>, op: string, value: SearchValue): RowTest {
  const { text, caseSensitive } = directive(value);
  if (op === "=") {
    if (text === "*") return h.exists();
    return h.anyValue(valueMatcher(text, caseSensitive));
  }
  if (op === "!=") {
    const exists = h.exists();
    if (text === "*") return () => false;
    const eq = h.anyValue(valueMatcher(text, caseSensitive));
    return (r) => exists(r) && !eq(r);
  }
  const cmp = (v: string): number => compareAtoms(v, value.text);
  const test =
    op === "<" ? (v: string) => cmp(v) < 0
    : op === "<=" ? (v: string) => cmp(v) <= 0
    : op === ">" ? (v: string) => cmp(v) > 0
    : (v: string) => cmp(v) >= 0;
  return h.anyValue(test);
}
