/**
 * `xmlkv [<field>] [maxinputs=<int>]`: xmlkv reference: "finds key-value pairs of the form
 * <foo>bar</foo> where foo is the key and bar is the value" in the field (default `_raw`). Every
 * innermost element with text becomes a field named after its tag; a tag seen more than once gives
 * a multivalue field (docs silent; a choice). Entities are decoded. `maxinputs` (a positive
 * integer, default 50000) is, per the 10.0 page, the number of results "passed as inputs into the
 * xmlkv command per invocation"; the command "is invoked repeatedly in increments according to the
 * maxinputs argument until the search is complete and all of the results have been displayed" — it
 * sizes batches only, so every result is read whatever its value.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { mv } from "../values/value.js";
import { argsOf, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import { ColumnWriter, texts } from "./stream-columns.js";
import { decodeEntities } from "./stream-xml.js";
import type { CommandDef } from "./types.js";

const PAIR = /<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>([^<]+)<\/\1\s*>/g;

export const xmlkv: CommandDef<"xmlkv"> = {
  kind: "xmlkv",
  summary: "Extracts <key>value</key> pairs from XML in a field (default _raw) into fields.",
  usage: "xmlkv [<field>] [maxinputs=<int>]",
  examples: ['| makeresults | eval _raw="<e><user>ann</user><host>h1</host></e>" | xmlkv'],
  options: {
    maxinputs: {
      moot: "the page says the command is invoked again per maxinputs-sized batch until all results are done, so the batch size cannot change any row",
    },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["maxinputs"], ctx);
    const pos = argsOf(node, "positional");
    for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: "xmlkv", message: "takes one field" }, p.span));
    const field = pos[0] ? textOf(pos[0].value, node, ctx, "a field name") : "_raw";
    const m = opts.get("maxinputs");
    const maxinputs = m ? intValue(m.value, node, ctx, "maxinputs") : 50000;
    if (maxinputs === null) return null;
    if (maxinputs < 1) {
      ctx.report(diag("bad-argument", { command: "xmlkv", message: "maxinputs must be a positive integer" }, m?.value.span ?? node.span));
      return null;
    }
    return field === null ? null : { kind: "xmlkv", field, maxinputs, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const col = input.column(cmd.field);
      if (!col) return input;
      const out = new ColumnWriter(input);
      // maxinputs only sizes the batches; every batch is read, so it cannot change a row.
      for (let r = 0; r < input.length; r++) {
        const found = new Map<string, string[]>();
        for (const s of texts(col[r] ?? null)) {
          for (const m of s.matchAll(PAIR)) {
            const v = decodeEntities(m[2]!);
            if (v.trim() === "") continue;
            const list = found.get(m[1]!);
            if (list) list.push(v);
            else found.set(m[1]!, [v]);
          }
        }
        for (const [k, vals] of found) out.set(k, r, mv(vals));
      }
      return out.table();
    };
  },
};
