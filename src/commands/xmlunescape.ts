/**
 * `xmlunescape [maxinputs=<int>]` (xmlunescape reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/xmlunescape): "Un-escapes
 * XML characters, including entity references such as &, <, and >, so that they return to their
 * corresponding characters", in `_raw`. `maxinputs` is "the maximum number of inputs per
 * invocation of the command": the first that many results are unescaped, later ones pass as they
 * are (the page's default is 50000; minispl runs the command once, over all results).
 * Character references (`&#60;`, `&#x3C;`) and the five predefined entities are decoded; any
 * other `&name;` is left as written.
 */
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { intValue, readOptions, rejectKinds } from "./args.js";
import type { CommandDef } from "./types.js";

const ROWS = '| makeresults count=2 | eval _raw="&lt;a&gt;1 &amp; 2&lt;/a&gt;"';
const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text with its entity and character references decoded. */
export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X")) return codePoint(Number.parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith("#")) return codePoint(Number(ref.slice(1)), whole);
    return ENTITIES[ref] ?? whole;
  });
}

function codePoint(n: number, whole: string): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
}

export const xmlunescape: CommandDef<"xmlunescape"> = {
  kind: "xmlunescape",
  summary: "Decodes XML entity references (&lt; &gt; &amp; …) in _raw.",
  usage: "xmlunescape [maxinputs=<int>]",
  examples: [`${ROWS} | xmlunescape`],
  options: { maxinputs: { query: `${ROWS} | xmlunescape maxinputs=1`, baseline: `${ROWS} | xmlunescape` } },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["maxinputs"], ctx);
    const m = opts.get("maxinputs");
    const maxInputs = m ? intValue(m.value, node, ctx, "maxinputs") : 50000;
    if (maxInputs === null) return null;
    return { kind: "xmlunescape", maxInputs, span: node.span };
  },
  plan(cmd) {
    return (input: Table) => {
      const raw = input.column("_raw");
      if (!raw) return input;
      const out: Value[] = raw.map((v, i) => (i < cmd.maxInputs ? unescapeValue(v) : v));
      return input.withColumn("_raw", out);
    };
  },
};

function unescapeValue(v: Value): Value {
  if (typeof v === "string") return xmlUnescape(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? xmlUnescape(x) : x));
  return v;
}
