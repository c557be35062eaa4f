/**
 * `xpath [outfield=<field>] "<xpath>" [field=<field>] [default=<string>]` (xpath reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/xpath): "Extracts the
 * xpath value from field and sets the outfield attribute." `field` defaults to `_raw`,
 * `outfield` to "xpath". Several matches give a multivalue field. "If the attribute referenced in
 * xpath doesn't exist, this specifies what to write to the outfield" (`default`; without it the
 * outfield is left as it was). An element's value is its XPath string-value (its text and its
 * descendants' text). Only an XPath subset is run (xpath-eval.ts); a path outside it is an error.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { mv, toText, type Value } from "../values/value.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { parseXml } from "./stream-xml.js";
import type { CommandDef } from "./types.js";
import { compileXpath, runXpath } from "./xpath-eval.js";

const ROW = '| makeresults | eval _raw="<foo><bar nickname=\\"spock\\">x</bar><bar>y</bar></foo>", doc="<a><b>z</b></a>"';

/** The page's note: "the xpath command returns empty results when input XML strings have prologue
 *  headers, such as xml version or DOCTYPE" (Splunk wraps the text in an element, so a prologue
 *  makes it unparsable); `default` still applies. */
const PROLOGUE = /<\?xml\b|<!DOCTYPE\b/i;

export const xpath: CommandDef<"xpath"> = {
  kind: "xpath",
  summary: "Extracts values from an XML field with an XPath expression.",
  usage: 'xpath [outfield=<field>] "<xpath>" [field=<field>] [default=<string>]',
  examples: [`${ROW} | xpath outfield=name "//bar/@nickname"`, `${ROW} | xpath "//bar"`],
  options: {
    outfield: { query: `${ROW} | xpath outfield=name "//bar"`, baseline: `${ROW} | xpath "//bar"` },
    field: { query: `${ROW} | xpath "//b" field=doc`, baseline: `${ROW} | xpath "//b"` },
    default: { query: `${ROW} | xpath "//nothing" default=none`, baseline: `${ROW} | xpath "//nothing"` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["outfield", "field", "default"], ctx);
    const ps = argsOf(node, "positional");
    const first = ps[0];
    for (const extra of ps.slice(1)) ctx.report(diag("bad-argument", { command: "xpath", message: "takes one XPath expression" }, extra.span));
    if (!first) {
      ctx.report(diag("bad-argument", { command: "xpath", message: 'needs an XPath expression: xpath "//path"' }, node.span));
      return null;
    }
    const path = textOf(first.value, node, ctx, "a quoted XPath expression");
    if (path === null) return null;
    const prog = compileXpath(path);
    if ("error" in prog) {
      ctx.report(diag("bad-argument", {
        command: "xpath",
        message: `this XPath is outside minispl's subset (names, *, ., .., @attr, text(), / and //, [n], [last()], [@a='v'], [child='v']) at "${prog.error}"`,
      }, first.span));
      return null;
    }
    const text = (k: string, dflt: string | null): string | null => {
      const o = opts.get(k);
      if (!o) return dflt;
      const t = textOf(o.value, node, ctx, "a value");
      if (t === "" && k !== "default") {
        ctx.report(diag("bad-argument", { command: "xpath", message: `${k} needs a field name` }, o.value.span));
        return null;
      }
      return t;
    };
    const outfield = text("outfield", "xpath");
    const field = text("field", "_raw");
    if (outfield === null || field === null || (opts.has("default") && text("default", null) === null)) return null;
    return { kind: "xpath", path, outfield, field, default: text("default", null), span: node.span };
  },
  plan(cmd) {
    const prog = compileXpath(cmd.path);
    if ("error" in prog) throw new Error(`xpath: unchecked path ${cmd.path}`);
    return (input) => {
      const src = input.column(cmd.field);
      const prev = input.column(cmd.outfield);
      const out = new Array<Value>(input.length);
      for (let i = 0; i < input.length; i++) {
        const xml = toText(src?.[i] ?? null);
        const root = xml === null || PROLOGUE.test(xml) ? null : parseXml(xml);
        const found = root ? runXpath(prog, root) : [];
        out[i] = found.length > 0 ? mv(found) : cmd.default ?? prev?.[i] ?? null;
      }
      return input.withColumn(cmd.outfield, out);
    };
  },
};
