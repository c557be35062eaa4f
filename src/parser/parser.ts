/**
 * The SPL grammar as a pure Chevrotain CstParser (no embedded actions; cst-to-ast.ts builds the AST).
 * Three sub-languages share it: the generic command shape, search expressions (implicit AND, OR
 * binds tighter than AND: spl-semantics.md §5.2) and eval/where expressions (AND before OR, §6).
 * Search words are rebuilt from glued tokens (see lexer.ts).
 */
import type { DSLMethodOpts, ILookaheadStrategy, IOrAlt, IToken, OrMethodOpts, TokenType } from "chevrotain";
import { CstParser, EOF, tokenMatcher } from "../lexer/chevrotain.js";
import * as T from "../lexer/tokens.js";
import type { SplToken } from "../lexer/lexer.js";
import { commandSyntax, isCommandName } from "./command-syntax.js";
import { GENERATED_LOOKAHEAD } from "./lookahead.generated.js";
import { TableLookahead } from "./table-lookahead.js";

export const MAX_LOOKAHEAD = 3;

const isGlued = (t: IToken): boolean => (t as SplToken).glued === true;
/** The token is of `type` or in its category (Chevrotain's own test: a table lookup, no allocation). */
const is = (t: IToken, type: TokenType): boolean => tokenMatcher(t, type);
const SEARCH_OPERATORS: ReadonlySet<TokenType> = new Set(T.SEARCH_OPERATOR_WORDS);
/** A lower-case `and`/`or`/`not`/`xor`/`like`: an operator in eval, a plain word in a search. */
const isLowerOperator = (t: IToken): boolean => SEARCH_OPERATORS.has(t.tokenType) && t.image !== t.image.toUpperCase();
/** Tokens that begin a search term (besides a lower-case operator word). */
const SEARCH_ITEM_STARTS: readonly TokenType[] = [T.Not, T.LParen, T.LBracket, T.StringLiteral, T.QuotedName, T.WordStart];
const isUpper = (t: IToken, type: TokenType): boolean => t.tokenType === type && t.image === t.image.toUpperCase();

export class SplParser extends CstParser {
  /** >0 while parsing a tstats where clause. Rule parameters are not typed for CstParser in v11, hence state. */
  private stopAtBy = 0;
  /** Depth of `[ … ]` nesting. */
  private brackets = 0;
  /**
   * The alternatives of the rules a long search runs through per term or argument, built once (Chevrotain's
   * performance advice): written inline they are new arrays and closures at every invocation,
   * which was most of the garbage of parsing a 200k-character search. Only closures that read
   * nothing but the parser may be cached.
   */
  private readonly cache: {
    wordStart?: OrMethodOpts<unknown>;
    wordRest?: DSLMethodOpts<unknown>;
    wordPart?: OrMethodOpts<unknown>;
    searchAnd?: DSLMethodOpts<unknown>;
    searchAndWord?: DSLMethodOpts<unknown>;
    searchOr?: DSLMethodOpts<unknown>;
    searchNot?: IOrAlt<unknown>[];
    searchPrimary?: IOrAlt<unknown>[];
    searchValue?: OrMethodOpts<unknown>;
    genericArg?: OrMethodOpts<unknown>;
    argValue?: OrMethodOpts<unknown>;
    notExpr?: IOrAlt<unknown>[];
    unary?: IOrAlt<unknown>[];
    primary?: IOrAlt<unknown>[];
  } = {};

  /** Sets the tokens to parse and clears per-parse state. */
  load(tokens: IToken[]): void {
    this.stopAtBy = 0;
    this.brackets = 0;
    this.input = tokens;
  }

  /**
   * `validate`: run Chevrotain's grammar checks (ambiguities, left recursion, empty alternatives).
   * They cost ~0.1 s at every start and can only fail on a grammar edit, so the process-wide
   * parser skips them; test/unit/parser/smoke.test.ts builds one with them.
   * `lookahead`: how decisions are made; by default Chevrotain's LL(k) with paths precomputed in
   * lookahead.generated.ts (table-lookahead.ts); the tests compare it with Chevrotain's own.
   */
  constructor(opts: { readonly validate?: boolean; readonly lookahead?: ILookaheadStrategy } = {}) {
    super(T.ALL_TOKENS, {
      maxLookahead: MAX_LOOKAHEAD,
      skipValidations: opts.validate !== true,
      lookaheadStrategy: opts.lookahead ?? new TableLookahead({ maxLookahead: MAX_LOOKAHEAD, tokens: T.ALL_TOKENS, table: GENERATED_LOOKAHEAD }),
    });
    this.performSelfAnalysis();
  }

  /** query := [implicitSearch] ("|" command)* */
  public pipeline = this.RULE("pipeline", () => {
    this.OPTION({
      GATE: () => !is(this.LA(1), T.Pipe),
      DEF: () =>
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            // A bracketed template such as foreach's `[eval x=…]` starts with a command, not search terms.
            { GATE: () => this.brackets > 0 && this.startsTemplateCommand(), ALT: () => this.SUBRULE(this.command) },
            { ALT: () => this.SUBRULE(this.implicitSearch) },
          ],
        }),
    });
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      this.SUBRULE2(this.command);
    });
  });

  /** The search before the first pipe; an explicit leading `search` keyword is allowed. */
  private implicitSearch = this.RULE("implicitSearch", () => {
    this.OPTION({
      GATE: () => is(this.LA(1), T.Identifier) && this.LA(1).image.toLowerCase() === "search",
      DEF: () => this.CONSUME(T.Identifier),
    });
    this.OPTION2({ GATE: () => this.startsSearchItem(), DEF: () => this.SUBRULE(this.searchExpr) });
  });

  /** name + a body chosen by the command's syntax class (command-syntax.ts). */
  private command = this.RULE("command", () => {
    const name = this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Where) }]);
    this.OR2({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => commandSyntax(name.image) === "search",
          ALT: () =>
            this.OPTION({ GATE: () => this.startsSearchItem(), DEF: () => this.SUBRULE(this.searchExpr) }),
        },
        { GATE: () => commandSyntax(name.image) === "eval", ALT: () => this.SUBRULE(this.assignments) },
        { GATE: () => commandSyntax(name.image) === "expr", ALT: () => this.SUBRULE(this.expression) },
        { ALT: () => this.SUBRULE(this.genericArgs) },
      ],
    });
  });

  // ---------- generic command shape ----------

  private genericArgs = this.RULE("genericArgs", () => {
    this.MANY(() => {
      this.OR(
        (this.cache.genericArg ??= {
          IGNORE_AMBIGUITIES: true,
          DEF: [
            { ALT: () => this.SUBRULE(this.byClause) },
            { ALT: () => this.SUBRULE(this.whereClause) },
            // `regex field!="…"` (regex reference): `!=` reads as an option; check.ts allows it for regex only.
            { GATE: () => is(this.LA(1), T.Identifier) && (is(this.LA(2), T.Eq) || is(this.LA(2), T.NotEq)), ALT: () => this.SUBRULE(this.optionArg) },
            { ALT: () => this.SUBRULE(this.positional) },
            { ALT: () => this.CONSUME(T.Comma) },
          ],
        }),
      );
    });
  });

  /** `key=value`; a parenthesised value is a search expression (`startswith=(EventCode=4698 x=y)`). */
  private optionArg = this.RULE("optionArg", () => {
    this.CONSUME(T.Identifier);
    this.OR2([{ ALT: () => this.CONSUME(T.Eq) }, { ALT: () => this.CONSUME(T.NotEq) }]);
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.searchExpr);
            this.CONSUME(T.RParen);
          },
        },
        { ALT: () => this.SUBRULE(this.argValue) },
      ],
    });
  });

  private positional = this.RULE("positional", () => {
    this.SUBRULE(this.argValue);
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.SUBRULE(this.name);
    });
  });

  /** `by a b, c` — options may sit among the fields (`by _time span=5m src`, as ESCU writes). */
  private byClause = this.RULE("byClause", () => {
    this.CONSUME(T.By);
    // Zero fields parse; the checker reports an empty BY with its position (a clearer message).
    // A WHERE after the fields starts chart/timechart's series filter (`by host where max > 100`).
    this.MANY({
      GATE: () => !is(this.LA(1), T.Where),
      DEF: () => this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => is(this.LA(1), T.Identifier) && is(this.LA(2), T.Eq), ALT: () => this.SUBRULE(this.optionArg) },
          { ALT: () => this.SUBRULE(this.name) },
          { ALT: () => this.CONSUME(T.Comma) },
        ],
      }),
    });
  });

  /** tstats `where`: its search expression ends at the `by` that follows (see stopAtBy). */
  private whereClause = this.RULE("whereClause", () => {
    this.CONSUME(T.Where);
    this.ACTION(() => this.stopAtBy++);
    this.SUBRULE(this.searchExpr);
    this.ACTION(() => this.stopAtBy--);
  });

  /** A value in a generic command: subsearch, string, call (`min(_time)`, `eval(expr)`) or word. */
  private argValue = this.RULE("argValue", () => {
    this.OR(
      (this.cache.argValue ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.subsearch) },
          { ALT: () => this.CONSUME(T.StringLiteral) },
          // `perc50('visitors total')`: a single-quoted field name (Aggregate functions, perc example).
          { ALT: () => this.CONSUME(T.QuotedName) },
          { GATE: () => is(this.LA(1), T.Identifier) && is(this.LA(2), T.LParen), ALT: () => this.SUBRULE(this.callValue) },
          // `startswith=(EventCode=4698)`, `head (count > 5)`: a parenthesised eval expression.
          { ALT: () => this.SUBRULE(this.parenExpr) },
          // `replace a WITH b IN host` (replace reference): upper-case IN, which `word` refuses, as a word here.
          { GATE: () => isUpper(this.LA(1), T.In), ALT: () => this.CONSUME(T.In) },
          { ALT: () => this.SUBRULE(this.word) },
        ],
      }),
    );
  });

  private parenExpr = this.RULE("parenExpr", () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  private callValue = this.RULE("callValue", () => {
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => name.image.toLowerCase() === "eval", ALT: () => this.SUBRULE(this.expression) },
        // tstats `PREFIX(exec_time=)`: the prefix is raw text and may end in `=` (tstats reference).
        { GATE: () => name.image.toLowerCase() === "prefix" && is(this.LA(1), T.WordStart), ALT: () => this.SUBRULE(this.prefixText) },
        {
          ALT: () =>
            this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.argValue) }),
        },
      ],
    });
    this.CONSUME(T.RParen);
  });

  /** The unquoted text of `PREFIX(<text>)`: a word, and the `=` glued after it (`exec_time=`). */
  private prefixText = this.RULE("prefixText", () => {
    this.SUBRULE(this.word);
    this.OPTION({ GATE: () => isGlued(this.LA(1)), DEF: () => this.CONSUME(T.Eq) });
  });

  private subsearch = this.RULE("subsearch", () => {
    this.CONSUME(T.LBracket);
    this.ACTION(() => this.brackets++);
    this.SUBRULE(this.pipeline);
    this.ACTION(() => this.brackets--);
    this.CONSUME(T.RBracket);
  });

  /** A field name or rename target: a word, a quoted string or a single-quoted name (`AS 'visitors total'`). */
  private name = this.RULE("name", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.QuotedName) },
      { ALT: () => this.SUBRULE(this.word) },
    ]);
  });

  /** Adjacent tokens with nothing between them form one word: `C:\Windows\*.exe`. */
  private word = this.RULE("word", () => {
    this.OR(
      (this.cache.wordStart ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.CONSUME(T.WordStart) },
          { GATE: () => isLowerOperator(this.LA(1)), ALT: () => this.CONSUME(T.WordPart) },
        ],
      }),
    );
    this.MANY(
      (this.cache.wordRest ??= {
        GATE: () => isGlued(this.LA(1)) && !is(this.LA(1), T.RParen),
        DEF: () =>
          this.OR2(
            (this.cache.wordPart ??= {
              IGNORE_AMBIGUITIES: true,
              DEF: [
                { ALT: () => this.CONSUME2(T.WordPart) },
                // `*GetCurrent()*`, `AS aceFlags(inheritance)`, `relative_time(now(), "-1h")` in a search:
                // parentheses glued to a word are part of its text.
                { GATE: () => is(this.LA(1), T.LParen), ALT: () => this.SUBRULE(this.gluedGroup) },
              ],
            }),
          ),
      }),
    );
  });

  /** A balanced `( … )` inside a word; its content is taken as text. */
  private gluedGroup = this.RULE("gluedGroup", () => {
    this.CONSUME(T.LParen);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.gluedGroup) },
        { ALT: () => this.CONSUME(T.WordPart) },
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.CONSUME(T.QuotedName) },
        { ALT: () => this.CONSUME(T.Comma) },
        { ALT: () => this.CONSUME(T.ComparisonOp) },
      ]);
    });
    this.CONSUME(T.RParen);
  });

  // ---------- search expressions ----------

  private searchExpr = this.RULE("searchExpr", () => {
    this.SUBRULE(this.searchOr);
    this.MANY(
      (this.cache.searchAnd ??= {
        GATE: () => isUpper(this.LA(1), T.And) || this.startsSearchItem(),
        DEF: () => {
          this.OPTION((this.cache.searchAndWord ??= { GATE: () => isUpper(this.LA(1), T.And), DEF: () => this.CONSUME(T.And) }));
          this.SUBRULE2(this.searchOr);
        },
      }),
    );
  });

  private searchOr = this.RULE("searchOr", () => {
    this.SUBRULE(this.searchNot);
    this.MANY(
      (this.cache.searchOr ??= {
        GATE: () => isUpper(this.LA(1), T.Or),
        DEF: () => {
          this.CONSUME(T.Or);
          this.SUBRULE2(this.searchNot);
        },
      }),
    );
  });

  private searchNot = this.RULE("searchNot", () => {
    this.OR(
      (this.cache.searchNot ??= [
        {
          GATE: () => isUpper(this.LA(1), T.Not),
          ALT: () => {
            this.CONSUME(T.Not);
            this.SUBRULE(this.searchNot);
          },
        },
        { ALT: () => this.SUBRULE(this.searchPrimary) },
      ]),
    );
  });

  private searchPrimary = this.RULE("searchPrimary", () => {
    this.OR(
      (this.cache.searchPrimary ??= [
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.searchExpr);
            this.CONSUME(T.RParen);
          },
        },
        { ALT: () => this.SUBRULE(this.subsearch) },
        { ALT: () => this.SUBRULE(this.searchTerm) },
      ]),
    );
  });

  /** `value`, `field op value`, `field op [subsearch]` or `field IN (values)`. */
  private searchTerm = this.RULE("searchTerm", () => {
    this.SUBRULE(this.searchValue);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.ComparisonOp);
            // `sourcetype=[search … | format emptystr="splunkd"]` (format reference, example 5):
            // the subsearch's text becomes the value.
            this.OR3([{ ALT: () => this.SUBRULE2(this.searchValue) }, { ALT: () => this.SUBRULE(this.subsearch) }]);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.In);
            this.CONSUME(T.LParen);
            // ESCU has `IN (,"a","b",)`: stray commas are tolerated.
            this.MANY(() => {
              this.OR2([{ ALT: () => this.SUBRULE3(this.searchValue) }, { ALT: () => this.CONSUME(T.Comma) }]);
            });
            this.CONSUME(T.RParen);
          },
        },
      ]);
    });
  });

  private searchValue = this.RULE("searchValue", () => {
    this.OR(
      (this.cache.searchValue ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.CONSUME(T.StringLiteral) },
          { ALT: () => this.CONSUME(T.QuotedName) },
          { GATE: () => this.startsDirective(), ALT: () => this.SUBRULE(this.directive) },
          { ALT: () => this.SUBRULE(this.word) },
        ],
      }),
    );
  });

  /** `CASE(term)` / `TERM(term)`: a search directive around one value (spl-semantics.md §5.1). */
  private directive = this.RULE("directive", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.OR([{ ALT: () => this.CONSUME(T.StringLiteral) }, { ALT: () => this.SUBRULE(this.word) }]);
    this.CONSUME(T.RParen);
  });

  // ---------- eval / where expressions ----------

  private assignments = this.RULE("assignments", () => {
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        this.SUBRULE(this.assignTarget);
        this.CONSUME(T.Eq);
        this.SUBRULE(this.expression);
      },
    });
  });

  /**
   * The field an eval assigns: a quoted name, `"Field Name"` (ESCU writes it), or any glued word
   * (`a.b`, `inbound:outbound`, `{key}`, `<<FIELD>>`) — on the left of `=` nothing is an operator.
   */
  private assignTarget = this.RULE("assignTarget", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.QuotedName) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.SUBRULE(this.word) },
    ]);
  });

  public expression = this.RULE("expression", () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.OrOp);
      this.SUBRULE2(this.andExpr);
    });
  });

  private andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  private notExpr = this.RULE("notExpr", () => {
    this.OR(
      (this.cache.notExpr ??= [
        {
          ALT: () => {
            this.CONSUME(T.Not);
            this.SUBRULE(this.notExpr);
          },
        },
        { ALT: () => this.SUBRULE(this.comparison) },
      ]),
    );
  });

  private comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.additive);
    this.OPTION({
      // An identifier after an operand is only the lower-case `in(` of the evaluation-functions
      // pages (`status in("400", "401")`, `"203.0.113.255" in(ipaddress, clientip)`).
      GATE: () => !is(this.LA(1), T.Identifier) || this.startsLowerIn(),
      DEF: () => this.OR([
        {
          ALT: () => {
            this.CONSUME(T.ComparisonOp);
            this.SUBRULE2(this.additive);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Like);
            this.SUBRULE3(this.additive);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.In);
            this.CONSUME(T.LParen);
            this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
            this.CONSUME(T.RParen);
          },
        },
        {
          GATE: () => this.startsLowerIn(),
          ALT: () => {
            this.CONSUME(T.Identifier);
            this.CONSUME2(T.LParen);
            this.MANY_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.expression) });
            this.CONSUME2(T.RParen);
          },
        },
      ]),
    });
  });

  private additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.CONSUME(T.AdditiveOp);
      this.SUBRULE2(this.multiplicative);
    });
  });

  private multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(T.MultiplicativeOp);
      this.SUBRULE2(this.unary);
    });
  });

  private unary = this.RULE("unary", () => {
    this.OR(
      (this.cache.unary ??= [
        {
          ALT: () => {
            this.CONSUME(T.Minus);
            this.SUBRULE(this.unary);
          },
        },
        // `+4` (evaluation functions, e.g. abs): a unary plus leaves its operand as it is.
        {
          ALT: () => {
            this.CONSUME(T.Plus);
            this.SUBRULE2(this.unary);
          },
        },
        { ALT: () => this.SUBRULE(this.primary) },
      ]),
    );
  });

  private primary = this.RULE("primary", () => {
    this.OR(
      (this.cache.primary ??= [
        { ALT: () => this.CONSUME(T.Number) },
        { ALT: () => this.CONSUME(T.StringLiteral) },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.expression);
            this.CONSUME(T.RParen);
          },
        },
        { GATE: () => is(this.LA(2), T.LParen), ALT: () => this.SUBRULE(this.functionCall) },
        // `1 + [search user=* | return $id]` (return reference): eval pastes the subsearch's text here.
        { ALT: () => this.SUBRULE(this.subsearch) },
        { ALT: () => this.SUBRULE(this.fieldName) },
      ]),
    );
  });

  private functionCall = this.RULE("functionCall", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.In) },
      { ALT: () => this.CONSUME(T.Like) },
    ]);
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(T.RParen);
  });

  /** A field in an expression: `x`, `Processes.dest` (glued dots) or `'any name'`. */
  private fieldName = this.RULE("fieldName", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.QuotedName) },
      { ALT: () => this.CONSUME(T.Placeholder) },
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.MANY({
            GATE: () => is(this.LA(1), T.Dot) && isGlued(this.LA(1)) && isGlued(this.LA(2)) && is(this.LA(2), T.WordStart),
            DEF: () => {
              this.CONSUME(T.Dot);
              this.CONSUME2(T.WordStart);
            },
          });
        },
      },
    ]);
  });

  /** A lower-case `in` followed by `(`: the IN operator as the evaluation-functions pages write it. */
  private startsLowerIn(): boolean {
    const t = this.LA(1);
    return is(t, T.Identifier) && t.image.toLowerCase() === "in" && is(this.LA(2), T.LParen);
  }

  private startsDirective(): boolean {
    const t = this.LA(1);
    return is(t, T.Identifier) && (t.image === "CASE" || t.image === "TERM") && is(this.LA(2), T.LParen) && isGlued(this.LA(2));
  }

  /**
   * Inside brackets a Splunk command name (other than `search`) starts a command, not search
   * terms: foreach templates (`[eval …]`), appendpipe pipelines (`[stats …]`), and generating
   * commands written without their pipe (ESCU: `append [ mstats … ]`).
   */
  private startsTemplateCommand(): boolean {
    const t = this.LA(1);
    if (!is(t, T.Identifier) && !is(t, T.Where)) return false;
    return isCommandName(t.image);
  }

  /** True when the next token can begin a search term (and is not a BY that ends a tstats where). */
  private startsSearchItem(): boolean {
    const t = this.LA(1);
    if (t.tokenType === EOF) return false;
    if (this.stopAtBy > 0 && is(t, T.By)) return false;
    if (isLowerOperator(t)) return true;
    for (const k of SEARCH_ITEM_STARTS) if (is(t, k)) return true;
    return false;
  }
}

/** One parser instance for the process; reset per parse with `parser.input = tokens`. */
export const splParser = new SplParser();
