/**
 * `uniq`: uniq reference: "Removes any search result if that result is an exact duplicate of the
 * previous result" (all fields compared, values as text, multivalue values in order).
 */
import { rejectKinds } from "./args.js";
import { texts } from "./stream-columns.js";
import type { CommandDef } from "./types.js";

export const uniq: CommandDef<"uniq"> = {
  kind: "uniq",
  summary: "Removes results that are exact duplicates of the previous result.",
  usage: "uniq",
  examples: ['| makeresults count=3 | eval a="x" | uniq'],
  check(node, ctx) {
    rejectKinds(node, ["option", "positional", "by", "where"], ctx);
    return { kind: "uniq", span: node.span };
  },
  plan() {
    return (input) => {
      const cols = input.fields.map((f) => input.column(f) ?? []);
      const keyOf = (r: number) => JSON.stringify(cols.map((c) => {
        const v = c[r] ?? null;
        return v === null ? null : texts(v);
      }));
      const keep: number[] = [];
      let prev: string | null = null;
      for (let r = 0; r < input.length; r++) {
        const k = keyOf(r);
        if (k !== prev) keep.push(r);
        prev = k;
      }
      return keep.length === input.length ? input : input.select(keep);
    };
  },
};
