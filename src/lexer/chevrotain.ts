/**
 * Chevrotain, loaded from the single-file build its package ships (`lib/chevrotain.mjs`, lodash
 * inlined) rather than from its package entry (`lib/src/api.js`), which imports ~690 modules, 640
 * of them lodash-es: resolving and compiling those cost ~0.5 s of CPU at every CLI start, more
 * than the rest of the library. The bundle is the same release built by chevrotain's own build.
 *
 * Every runtime use of chevrotain goes through this file: the parser, its GAST classes
 * (grammar-docs.ts tests `instanceof Alternation`) and token types must all come from one copy.
 * The package's "exports" do not list the bundle, so it is found next to the resolved entry; when
 * it is not there (another layout, a later release), the package entry is used, slower but the same.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { platform } from "../platform/platform.js";

type Chevrotain = typeof import("chevrotain");

async function load(): Promise<Chevrotain> {
  let bundle: string | null = null;
  try {
    bundle = join(dirname(createRequire(import.meta.url).resolve("chevrotain")), "..", "chevrotain.mjs");
  } catch {
    // Not resolvable from here (a bundler moved this file): the plain import below reports it.
  }
  if (bundle !== null && platform().fs.exists(bundle)) return (await import(pathToFileURL(bundle).href)) as Chevrotain;
  return import("chevrotain");
}

const chevrotain = await load();

export const {
  Alternation, Alternative, createSyntaxDiagramsCode, createToken, CstParser, EOF, getLookaheadPaths, Lexer, LLkLookaheadStrategy, NonTerminal,
  Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, serializeGrammar, Terminal, tokenMatcher, VERSION,
} = chevrotain;
