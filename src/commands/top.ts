/** `top`: the most common values of fields, with count and percent (see combine-topk.ts). */
import { readTopOptions, topRare } from "./combine-topk.js";
import type { CommandDef } from "./types.js";

export const top: CommandDef<"top"> = {
  kind: "top",
  summary: "Lists the most common values of fields with their count and percentage.",
  usage: "top [<N>] [limit=<int>] [countfield=<string>] [percentfield=<string>] [showcount=<bool>] [showperc=<bool>] [useother=<bool>] [otherstr=<string>] <field>... [by <field>...]",
  examples: ['| makeresults count=3 | eval user="bob" | top user', '| makeresults | eval user="bob", host="h1" | top limit=1 user by host'],
  options: {
    limit: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top limit=1 u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top u" },
    countfield: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top countfield=k u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top u" },
    percentfield: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top percentfield=p u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top u" },
    showcount: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top showcount=false u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top u" },
    showperc: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top showperc=false u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top u" },
    useother: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top limit=1 useother=true u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top limit=1 u" },
    otherstr: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top limit=1 useother=true otherstr=REST u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | top limit=1 useother=true u" },
  },
  check(node, ctx) {
    const o = readTopOptions(node, ctx);
    return o ? { kind: "top", ...o, span: node.span } : null;
  },
  plan(cmd) {
    return (input) => topRare(input, cmd, true);
  },
};
