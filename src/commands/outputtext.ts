/**
 * `outputtext [usexml=<bool>]` (outputtext reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/outputtext): "Outputs
 * the contents of the _raw field to the _xml field." usexml: "If set to true, the copy of the _raw
 * field in the _xml is escaped XML. If usexml is set to false, the _xml field is an exact copy of
 * _raw." Default true. "The outputtext command is a reporting command": its results are a table.
 * Choice: escaping turns &, < and > into entity references (the page does not list the characters).
 */
import type { Value } from "../values/value.js";
import { boolOption, readOptions, rejectKinds } from "./args.js";
import type { CommandDef } from "./types.js";

const ROW = '| makeresults | eval _raw="<a>1 & 2</a>"';

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const outputtext: CommandDef<"outputtext"> = {
  kind: "outputtext",
  summary: "Copies _raw into the _xml field, XML-escaped unless usexml=false.",
  usage: "outputtext [usexml=<bool>]",
  examples: [`${ROW} | outputtext`],
  options: { usexml: { query: `${ROW} | outputtext usexml=false`, baseline: `${ROW} | outputtext` } },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["usexml"], ctx);
    return { kind: "outputtext", useXml: boolOption(opts.get("usexml"), node, ctx, true), span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const raw = input.column("_raw");
      const out: Value[] = new Array<Value>(input.length).fill(null);
      if (raw) {
        for (let i = 0; i < out.length; i++) {
          const v = raw[i] ?? null;
          out[i] = !cmd.useXml ? v : typeof v === "string" ? escapeXml(v) : Array.isArray(v) ? v.map((x) => (typeof x === "string" ? escapeXml(x) : x)) : v;
        }
      }
      return input.withColumn("_xml", out);
    };
  },
};
