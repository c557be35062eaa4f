/**
 * Random SPL queries for property tests and `npm run fuzz`: a small grammar of fragments, hostile
 * shapes included (deep nesting, huge widths, long chains, odd arguments). Lives in src/ rather
 * than test/ because the fuzz script runs from dist/ and draws from the same generators.
 */
import fc from "fast-check";

export const field = fc.constantFrom("x", "y", "s", "CommandLine", "_time", "host", "'odd name'", "Processes.dest");
export const literal = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom("0", "1.5", "1e308", "-0", "null()", '""', '"a b"', '"%"', '"%_%"', '"\\\\"', '"*"', '"(a+)+$"'),
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
);
const fn = fc.constantFrom(
  "abs", "len", "lower", "upper", "substr", "replace", "printf", "tostring", "tonumber", "split", "mvjoin", "mvindex",
  "mvcount", "coalesce", "if", "case", "like", "match", "round", "pow", "exp", "ln", "strftime", "strptime", "urldecode",
  "mvappend", "mvfilter", "isnull", "isnum", "cidrmatch", "md5", "sha256", "json_extract", "spath", "trim", "ltrim", "rtrim",
);
const op = fc.constantFrom("+", "-", "*", "/", "%", ".", "=", "!=", "<", ">=", "AND", "OR", "XOR", "LIKE");

export const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    field,
    fc.tuple(tie("expr"), op, tie("expr")).map(([a, o, b]) => `${a} ${o} ${b}`),
    tie("expr").map((e) => `(${e})`),
    tie("expr").map((e) => `NOT ${e}`),
    fc.tuple(fn, fc.array(tie("expr"), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(", ")})`),
    fc.tuple(fc.constantFrom('"%0999999999d"', '"%.300f"', '"%*s"', '"%c"', '"%s%s%s"'), fc.array(tie("expr"), { maxLength: 2 }))
      .map(([f, args]) => `printf(${[f, ...args].join(", ")})`),
  ),
}));

/** Hostile shapes at sizes that used to crash. */
export const hostile = fc.oneof(
  fc.integer({ min: 90, max: 400 }).map((n) => `${"(".repeat(n)}1${")".repeat(n)}`),
  fc.integer({ min: 90, max: 400 }).map((n) => `${"abs(".repeat(n)}1${")".repeat(n)}`),
  fc.integer({ min: 500, max: 3000 }).map((n) => Array.from({ length: n }, () => "1").join("+")),
  fc.integer({ min: 50, max: 2000 }).map((n) => `${"NOT ".repeat(n)}1`),
);

export const searchTerm = fc.oneof(
  fc.tuple(field, fc.constantFrom("=", "!=", ">", "<"), fc.oneof(literal, fc.constantFrom("*", "*a*", "a*b*c"))).map(([f, o, v]) => `${f}${o}${v}`),
  fc.constantFrom("NOT x=1", "(x=1 OR y=2)", "x IN (1, 2, \"a*\")", "TERM(a)", "[| makeresults | eval x=1 | fields x]", "*"),
);

/** One piped command; `value` is the expression generator eval and where draw from. */
export function commandFrom(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(field, value).map(([f, e]) => `eval ${f}=${e}`),
    value.map((e) => `where ${e}`),
    fc.array(searchTerm, { minLength: 1, maxLength: 4 }).map((ts) => `search ${ts.join(" ")}`),
    fc.constantFrom(
      "stats count by x", "stats values(s) as v dc(y) by host", "table x y s", "fields - y", "sort - x", "head 3", "dedup x",
      "rename x as z", "fillnull value=0", "mvexpand s", "makemv delim=\",\" s", "rex field=s \"(?<w>\\w+)\"", "eventstats count",
      "streamstats count", "append [| makeresults | eval x=2]", "lookup missing.csv x", "bin _time span=1h", "top x", "rare y",
      "spath input=s", "nomv s", "transaction x", "convert ctime(_time)", "return x", "format",
    ),
    fc.string({ maxLength: 20 }),
  );
}

/** A whole search: a base (generating command, index scan or search) and up to five piped commands. */
export function queryFrom(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(
    fc.oneof(fc.constant("| makeresults count=3"), fc.constant("index=*"), searchTerm.map((t) => `search ${t}`)),
    fc.array(commandFrom(value), { maxLength: 5 }),
  ).map(([base, cmds]) => [base, ...cmds].join(" | "));
}

/** Any query, hostile shapes included. */
export const query = queryFrom(fc.oneof(expr, hostile));

/** Queries of ordinary size: what a round trip through the printer must survive. */
export const plainQuery = queryFrom(expr);
