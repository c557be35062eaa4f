/**
 * `addinfo` (addinfo reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/addinfo): adds to each
 * result "global, common information about the search": `info_min_time` and `info_max_time`, "the
 * earliest/latest time boundary for the search", `info_search_time`, "the time when the search was
 * run", and `info_sid`, "the ID of the search". The bounds are the base search's earliest= and
 * latest= (minispl has no time picker); an unbounded side is written as Splunk writes an all-time
 * search's: `info_min_time` 0 and `info_max_time` "+Infinity". minispl has no search jobs, so the
 * ID is made from the search's "now": `minispl_<now>`.
 */
import type { Value } from "../values/value.js";
import { readOptions, rejectKinds } from "./args.js";
import type { CommandDef } from "./types.js";

export const addinfo: CommandDef<"addinfo"> = {
  kind: "addinfo",
  summary: "Adds the search's time range, start time and ID to every result.",
  usage: "addinfo",
  examples: ["| makeresults | addinfo", "| makeresults | addinfo | where _time >= info_min_time"],
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    readOptions(node, [], ctx);
    return { kind: "addinfo", span: node.span };
  },
  plan() {
    return (input, ctx) => {
      const range = ctx.searchTime?.() ?? { earliest: Number.NEGATIVE_INFINITY, latest: Number.POSITIVE_INFINITY };
      const fill = (v: Value) => new Array<Value>(input.length).fill(v);
      return input
        .withColumn("info_min_time", fill(Number.isFinite(range.earliest) ? range.earliest : 0))
        .withColumn("info_max_time", fill(Number.isFinite(range.latest) ? range.latest : "+Infinity"))
        .withColumn("info_search_time", fill(ctx.fn.now))
        .withColumn("info_sid", fill(`minispl_${Math.floor(ctx.fn.now)}`));
    };
  },
};
