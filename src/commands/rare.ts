/** `rare`: the least common values of fields, with count and percent (see combine-topk.ts). */
import { readTopOptions, topRare } from "./combine-topk.js";
import type { CommandDef } from "./types.js";

export const rare: CommandDef<"rare"> = {
  kind: "rare",
  summary: "Lists the least common values of fields with their count and percentage.",
  usage: "rare [<N>] [limit=<int>] [countfield=<string>] [percentfield=<string>] [showcount=<bool>] [showperc=<bool>] [useother=<bool>] [otherstr=<string>] <field>... [by <field>...]",
  examples: ['| makeresults count=2 | eval user="bob" | rare user'],
  options: {
    limit: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare limit=1 u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare u" },
    countfield: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare countfield=k u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare u" },
    percentfield: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare percentfield=p u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare u" },
    showcount: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare showcount=false u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare u" },
    showperc: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare showperc=false u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare u" },
    useother: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare limit=1 useother=true u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare limit=1 u" },
    otherstr: { query: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare limit=1 useother=true otherstr=REST u", baseline: "| makeresults count=5 | streamstats count AS n | eval u=if(n<3, \"a\", if(n<5, \"b\", \"c\")) | rare limit=1 useother=true u" },
  },
  check(node, ctx) {
    const o = readTopOptions(node, ctx);
    return o ? { kind: "rare", ...o, span: node.span } : null;
  },
  plan(cmd) {
    return (input) => topRare(input, cmd, false);
  },
};
