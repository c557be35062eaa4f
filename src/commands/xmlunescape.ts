/**
 * `xmlunescape [maxinputs=<int>]` (xmlunescape reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/xmlunescape): "Un-escapes
 * XML characters, including entity references such as &, <, and >, so that they return to their
 * corresponding characters", in `_raw`. `maxinputs` is "the maximum number of inputs per
 * invocation of the command", and the page adds that the command "is invoked repeatedly in
 * increments according to the maxinputs argument until the search is complete and all of the
 * results have been displayed": it sizes batches only, so every result is unescaped whatever its
 * value (a positive integer; default 50000).
 * Character references (`&#60;`, `&#x3C;`) and the five predefined entities are decoded; any
 * other `&name;` is left as written.
 */
import { diag } from "../diagnostics/diagnostic.js";
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
  options: {
    maxinputs: {
      moot: "the page says the command is invoked again per maxinputs-sized batch until all results are done, so the batch size cannot change any row",
    },
  },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["maxinputs"], ctx);
    const m = opts.get("maxinputs");
    const maxInputs = m ? intValue(m.value, node, ctx, "maxinputs") : 50000;
    if (maxInputs === null) return null;
    if (maxInputs < 1) {
      ctx.report(diag("bad-argument", { command: node.name, message: "maxinputs must be a positive integer" }, m?.value.span ?? node.span));
      return null;
    }
    return { kind: "xmlunescape", maxInputs, span: node.span };
  },
  plan() {
    return (input: Table) => {
      const raw = input.column("_raw");
      if (!raw) return input;
      // maxinputs batches the work; every batch is unescaped, so it cannot change a row.
      const out: Value[] = raw.map(unescapeValue);
      return input.withColumn("_raw", out);
    };
  },
};

function unescapeValue(v: Value): Value {
  if (typeof v === "string") return xmlUnescape(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? xmlUnescape(x) : x));
  return v;
}
