/**
 * join's right-side dataset written as `<dataset-type>:<dataset-name>` instead of a subsearch (join
 * reference, help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/join:
 * "dataset-type Syntax: datamodel | savedsearch | inputlookup … The dataset type must precede the
 * dataset name. For example, savedsearch:<dataset-name>"; extended example 1 is
 * `join max=0 left=L right=R where L.vendor_id=R.vid savedsearch:products`). The dataset is read as
 * `| from <type>:<name>` reads it (from.ts), inputlookup being from's `lookup` type.
 */
import type { Pipeline } from "../ast/nodes.js";
import type { Span } from "../source/source-text.js";

const TYPES: Readonly<Record<string, string>> = { datamodel: "datamodel", savedsearch: "savedsearch", inputlookup: "lookup" };

/** The pipeline `| from <type>:<name>` for a `type:name` word, or null when the word is no dataset. */
export function datasetPipeline(text: string, span: Span): Pipeline | null {
  const colon = text.indexOf(":");
  if (colon <= 0 || colon === text.length - 1) return null;
  const type = TYPES[text.slice(0, colon).toLowerCase()];
  if (type === undefined) return null;
  const word = { kind: "word" as const, text: `${type}:${text.slice(colon + 1)}`, span };
  return {
    kind: "pipeline",
    span,
    commands: [{ kind: "command", name: "from", nameSpan: span, args: [{ kind: "positional", value: word, span }], implicit: false, span }],
  };
}
