/**
 * `cluster [t=<num>] [delims=<string>] [showcount=<bool>] [countfield=<field>] [labelfield=<field>]
 * [field=<field>] [labelonly=<bool>] [match=termlist|termset|ngramset]` (cluster reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/cluster): "groups
 * events together based on how similar they are to each other", on `_raw` unless `field=` says
 * otherwise. Each cluster is labelled 1, 2, … ("if the search returns 10 clusters, then the clusters
 * are labeled from 1 to 10") in labelfield (default cluster_label); showcount=true (default false)
 * adds the cluster's size in countfield (default cluster_count). labelonly=true keeps every event
 * and annotates it; labelonly=false (the default) "outputs the list of clusters with the event that
 * describes it and the count of events that combined with it". t (default 0.8) must be "greater
 * than 0.0 and less than 1.0"; closer to 1 asks for more similar events.
 *
 * The page does not give the algorithm. minispl reads the events in order; each joins the existing
 * cluster whose first event is the most similar to it (the earliest on a tie) when that similarity
 * is at least t, and otherwise starts a new cluster, labelled in order of creation. The similarity
 * is the cosine of cluster-similarity.ts. The event that describes a cluster is its first event.
 * An event without the field is clustered as an empty value.
 */
import { diag } from "../diagnostics/diagnostic.js";
import type { Value } from "../values/value.js";
import { toText } from "../values/value.js";
import { boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import { signature, similarity, type ClusterMatch, type Signature } from "./cluster-similarity.js";
import type { CommandDef } from "./types.js";

const MATCHES: readonly ClusterMatch[] = ["termlist", "termset", "ngramset"];
const DATA = '| makeresults format=csv data="_raw\nlogin failed for user bob\nlogin failed for user eve\nfailed login for user ann\ndisk full on /var"';

export const cluster: CommandDef<"cluster"> = {
  kind: "cluster",
  summary: "Groups events by how similar a field (default _raw) is, labelling and counting the clusters.",
  usage: "cluster [t=<0..1>] [delims=<string>] [showcount=<bool>] [countfield=<field>] [labelfield=<field>] [field=<field>] [labelonly=<bool>] [match=termlist|termset|ngramset]",
  examples: [
    `${DATA} | cluster showcount=true | table cluster_label cluster_count _raw`,
    `${DATA} | cluster labelonly=true match=termset | table cluster_label _raw`,
  ],
  options: {
    t: { query: `${DATA} | cluster t=0.3 | table cluster_label _raw`, baseline: `${DATA} | cluster | table cluster_label _raw` },
    delims: { query: `${DATA} | cluster delims="/" | table cluster_label _raw`, baseline: `${DATA} | cluster | table cluster_label _raw` },
    showcount: { query: `${DATA} | cluster showcount=true`, baseline: `${DATA} | cluster` },
    countfield: { query: `${DATA} | cluster showcount=true countfield=n`, baseline: `${DATA} | cluster showcount=true` },
    labelfield: { query: `${DATA} | cluster labelfield=group`, baseline: `${DATA} | cluster` },
    field: { query: `${DATA} | eval f="same" | cluster field=f | table _raw`, baseline: `${DATA} | eval f="same" | cluster | table _raw` },
    labelonly: { query: `${DATA} | cluster labelonly=true | table cluster_label _raw`, baseline: `${DATA} | cluster | table cluster_label _raw` },
    match: { query: `${DATA} | cluster match=termset | table cluster_label _raw`, baseline: `${DATA} | cluster | table cluster_label _raw` },
  },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["t", "delims", "showcount", "countfield", "labelfield", "field", "labelonly", "match"], ctx);
    const text = (k: string, dflt: string): string => {
      const o = opts.get(k);
      return (o ? textOf(o.value, node, ctx, k === "delims" ? "a string of delimiters" : "a field name") : null) ?? dflt;
    };
    let threshold = 0.8;
    const tOpt = opts.get("t");
    if (tOpt) {
      const t = textOf(tOpt.value, node, ctx, "a number between 0 and 1");
      threshold = t !== null && /^\d*\.?\d+$/.test(t) ? Number(t) : Number.NaN;
      if (!(threshold > 0 && threshold < 1)) {
        ctx.report(diag("bad-argument", { command: "cluster", message: `t must be a number greater than 0.0 and less than 1.0, got "${t ?? ""}"` }, tOpt.value.span));
        return null;
      }
    }
    const matchOpt = opts.get("match");
    const match = (matchOpt ? textOf(matchOpt.value, node, ctx, "termlist, termset or ngramset")?.toLowerCase() : "termlist") as ClusterMatch;
    if (matchOpt && !MATCHES.includes(match)) {
      ctx.report(diag("bad-argument", { command: "cluster", message: `match must be termlist, termset or ngramset, got "${match ?? ""}"`, allowed: MATCHES }, matchOpt.value.span));
      return null;
    }
    const delims = opts.get("delims") ? text("delims", "") : null;
    return {
      kind: "cluster", threshold, delims: delims === "" ? null : delims, match,
      showcount: boolOption(opts.get("showcount"), node, ctx, false),
      countfield: text("countfield", "cluster_count"),
      labelfield: text("labelfield", "cluster_label"),
      field: text("field", "_raw"),
      labelonly: boolOption(opts.get("labelonly"), node, ctx, false),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input, ctx) => {
      const col = input.column(cmd.field);
      const reps: Signature[] = [];
      const firstRow: number[] = [];
      const sizes: number[] = [];
      const label = new Array<number>(input.length);
      for (let r = 0; r < input.length; r++) {
        const v = col?.[r] ?? null;
        const text = v === null ? "" : Array.isArray(v) ? v.map((x) => toText(x) ?? "").join(" ") : toText(v as string | number) ?? "";
        const sig = signature(text, cmd.match, cmd.delims);
        ctx.budget.tick(reps.length + 1, cmd.span);
        let best = -1;
        let bestSim = -1;
        for (let c = 0; c < reps.length; c++) {
          const s = similarity(sig, reps[c] as Signature);
          if (s > bestSim) [best, bestSim] = [c, s];
        }
        if (best >= 0 && bestSim >= cmd.threshold) {
          label[r] = best;
          sizes[best] = (sizes[best] as number) + 1;
        } else {
          label[r] = reps.length;
          reps.push(sig);
          firstRow.push(r);
          sizes.push(1);
        }
      }
      const rows = cmd.labelonly ? label.map((_, r) => r) : firstRow;
      let out = cmd.labelonly ? input : input.select(firstRow);
      out = out.withColumn(cmd.labelfield, rows.map((r): Value => (label[r] as number) + 1));
      if (cmd.showcount) out = out.withColumn(cmd.countfield, rows.map((r): Value => sizes[label[r] as number] as number));
      return out;
    };
  },
};
