/**
 * What inputcsv and outputcsv share: the file name argument (checked against the folder's rules,
 * executor/csv-folder.ts) and the name a file is found under ("If the specified file does not
 * exist and the filename does not have an extension, then the Splunk software assumes it has a
 * filename with a .csv extension", inputcsv; "The .csv file extension is appended to the filename
 * if the filename has no file extension", outputcsv).
 */
import type { CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { csvNameProblem } from "../executor/csv-folder.js";
import type { Span } from "../source/source-text.js";
import { textOf } from "./args.js";
import type { CheckContext } from "./types.js";

export function hasExtension(name: string): boolean {
  return /\.[^.]+$/.test(name);
}

/** The name as outputcsv writes it: `.csv` added when it has no extension. */
export function outputName(name: string): string {
  return hasExtension(name) ? name : `${name}.csv`;
}

/** A file name positional, checked; null (reported) when it is not a plain name. */
export function fileArg(node: CommandNode, v: Parameters<typeof textOf>[0], span: Span, ctx: CheckContext): string | null {
  const name = textOf(v, node, ctx, "a CSV file name");
  if (name === null) return null;
  const problem = csvNameProblem(name);
  if (problem) {
    ctx.report(diag("bad-argument", { command: node.name, message: problem }, span));
    return null;
  }
  return name;
}
