/** `npm run grammar`: regenerates grammar/spl.ebnf and grammar/railroad.html from the parser. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { grammarEbnf, railroadHtml } from "../index.js";

const dir = process.argv[2] ?? "grammar";
writeFileSync(join(dir, "spl.ebnf"), grammarEbnf());
writeFileSync(join(dir, "railroad.html"), railroadHtml());
process.stdout.write(`wrote ${join(dir, "spl.ebnf")} and ${join(dir, "railroad.html")}\n`);
