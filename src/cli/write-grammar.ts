/**
 * `npm run grammar`: regenerates grammar/spl.ebnf and grammar/railroad.html from the parser, and
 * src/parser/lookahead.generated.ts, the parser's precomputed lookahead (lookahead-table.ts), which
 * takes effect at the next `npm run build`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { grammarEbnf, railroadHtml } from "../index.js";
import { lookaheadModule } from "../parser/grammar-docs.js";

const dir = process.argv[2] ?? "grammar";
const lookahead = fileURLToPath(new URL("../../src/parser/lookahead.generated.ts", import.meta.url));
writeFileSync(join(dir, "spl.ebnf"), grammarEbnf());
writeFileSync(join(dir, "railroad.html"), railroadHtml());
writeFileSync(lookahead, lookaheadModule());
process.stdout.write(`wrote ${join(dir, "spl.ebnf")}, ${join(dir, "railroad.html")} and ${lookahead} (run \`npm run build\` to use it)\n`);
