/**
 * `replace <wc-string> WITH <wc-string> [, <wc-string> WITH <wc-string>]... [IN <field>...]`
 * (replace reference): replaces whole field values that match the first string, where `*` matches
 * any text, with the second, whose `*`s take the matched text in order ("the result must have the
 * same number of wildcards, or none at all"). Without IN every field is processed except internal
 * ones ("To replace values on _internal fields, you must specify the field name with the IN
 * clause"). Precedence as documented: "Non-wildcard replacement values specified later take
 * precedence over those replacements specified earlier. For a wildcard replacement, fuller matches
 * take precedence over lesser matches" (fuller = fewer characters matched by `*`; on a tie the
 * earlier pair wins, a choice). Matching is case-sensitive (docs silent; a choice). Each value of a
 * multivalue field is replaced on its own. The grammar reads lower-case `in` as a word but upper-case
 * `IN` as a keyword it rejects here (see the stream group's report).
 */
import { diag } from "../diagnostics/diagnostic.js";
import { fieldPattern } from "../executor/wildcard.js";
import { mv, type Value } from "../values/value.js";
import { argsOf, rejectKinds, textOf } from "./args.js";
import { expandFields } from "./field-list.js";
import { texts } from "./stream-columns.js";
import type { CommandDef } from "./types.js";

const stars = (s: string) => s.split("*").length - 1;

export const replace: CommandDef<"replace"> = {
  kind: "replace",
  summary: "Replaces whole field values matching wildcard strings with other strings.",
  usage: "replace <wc-string> WITH <wc-string> [, <wc-string> WITH <wc-string>]... [IN <field>...]",
  examples: ['| makeresults | eval src="::ffff:10.0.0.1" | replace "::ffff:*" with * in src', '| makeresults | eval s="%%8448" | replace "%%8448" WITH "Success removed" in s'],
  check(node, ctx) {
    rejectKinds(node, ["option", "by", "where"], ctx);
    const pos = argsOf(node, "positional");
    const isWord = (i: number, w: string) => {
      const v = pos[i]?.value;
      return v?.kind === "word" && v.text.toLowerCase() === w;
    };
    const pairs: { from: string; to: string }[] = [];
    const fields: string[] = [];
    let i = 0;
    while (i < pos.length && !isWord(i, "in")) {
      const from = pos[i]!;
      if (!isWord(i + 1, "with") || i + 2 >= pos.length) {
        ctx.report(diag("bad-argument", { command: "replace", message: "expected <string> WITH <string>" }, from.span));
        return null;
      }
      const a = textOf(from.value, node, ctx, "a string");
      const b = textOf(pos[i + 2]!.value, node, ctx, "a string");
      if (a !== null && b !== null) {
        if (stars(b) !== 0 && stars(b) !== stars(a)) {
          ctx.report(diag("bad-argument", { command: "replace", message: `"${b}" must have as many * as "${a}", or none` }, pos[i + 2]!.span));
        } else pairs.push({ from: a, to: b });
      }
      i += 3;
    }
    if (isWord(i, "in")) {
      if (i + 1 >= pos.length) ctx.report(diag("bad-argument", { command: "replace", message: "expected field names after IN" }, pos[i]!.span));
      for (const p of pos.slice(i + 1)) {
        const t = textOf(p.value, node, ctx, "a field name");
        if (t !== null) fields.push(...t.split(",").map((s) => s.trim()).filter(Boolean));
      }
    }
    if (pairs.length === 0) {
      ctx.report(diag("bad-argument", { command: "replace", message: "needs <string> WITH <string>" }, node.span));
      return null;
    }
    return { kind: "replace", pairs, fields, span: node.span };
  },
  plan(cmd) {
    const exact = cmd.pairs.filter((p) => !p.from.includes("*"));
    const wild = cmd.pairs.filter((p) => p.from.includes("*")).map((p) => ({ ...p, re: fieldPattern(p.from) }));
    const one = (s: string): string => {
      for (let k = exact.length - 1; k >= 0; k--) if (exact[k]!.from === s) return exact[k]!.to;
      let best: { to: string; caps: string[]; len: number } | null = null;
      for (const w of wild) {
        const m = w.re.exec(s);
        if (!m) continue;
        const caps = m.slice(1).map((c) => c ?? "");
        const len = caps.reduce((n, c) => n + c.length, 0);
        if (!best || len < best.len) best = { to: w.to, caps, len };
      }
      if (!best) return s;
      let n = 0;
      const { caps } = best;
      return best.to.replace(/\*/g, () => caps[n++] ?? "");
    };
    return (input) => {
      const fields = cmd.fields.length ? expandFields(cmd.fields, input.fields, false) : input.fields.filter((f) => !f.startsWith("_"));
      let t = input;
      for (const f of fields) {
        const col = t.column(f);
        if (!col) continue;
        let changed = false;
        const out = col.map((v): Value => {
          if (v === null) return v;
          const before = texts(v);
          const after = before.map(one);
          if (after.every((x, k) => x === before[k])) return v;
          changed = true;
          return mv(after);
        });
        if (changed) t = t.withColumn(f, out);
      }
      return t;
    };
  },
};
