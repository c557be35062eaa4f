/**
 * chart's OptionProofs (types.ts): for each option, a search using it and the same search without
 * it, whose rows differ. Kept apart from chart.ts so the command file stays about behaviour.
 * The input: n=1..4, host a,a,b,b, kind y,x,y,x.
 */
import type { OptionProof } from "./types.js";

const SRC = '| makeresults count=4 | streamstats count AS n | eval host=if(n<3, "a", "b"), kind=if(n%2=0, "x", "y")';

function proof(prep: string, option: string, rest: string, baselineOption = ""): OptionProof {
  const pre = prep ? `${SRC} | ${prep}` : SRC;
  return { query: `${pre} | chart ${option} ${rest}`, baseline: `${pre} | chart ${baselineOption} ${rest}`.replace("chart  ", "chart ") };
}

export function chartOptionProofs(): Readonly<Record<string, OptionProof>> {
  return {
    cont: proof("where n=1 OR n=4", "cont=false", "count by n span=1"),
    format: proof("", 'format="$VAL$-$AGG$"', "count max(n) over host by kind"),
    sep: proof("", "sep=_", "count max(n) over host by kind"),
    limit: proof("", "limit=1", "count over host by kind"),
    agg: proof('eval kind=if(n=4, "z", kind)', "limit=1 agg=max", "count over host by kind", "limit=1"),
    useother: proof("", "limit=1 useother=f", "count over host by kind", "limit=1"),
    usenull: proof("eval kind=if(n=1, null(), kind)", "usenull=f", "count over host by kind"),
    otherstr: proof("", "limit=1 otherstr=rest", "count over host by kind", "limit=1"),
    nullstr: proof("eval kind=if(n=1, null(), kind)", "nullstr=none", "count over host by kind"),
    dedup_splitvals: proof("eval kind=mvappend(kind, kind)", "dedup_splitvals=t", "count over host by kind"),
    bins: { query: `${SRC} | chart count by n bins=2`, baseline: `${SRC} | chart count by n` },
    span: { query: `${SRC} | chart count by n span=2`, baseline: `${SRC} | chart count by n` },
    start: { query: `${SRC} | chart count by n bins=2 start=-100`, baseline: `${SRC} | chart count by n bins=2` },
    end: { query: `${SRC} | chart count by n bins=2 end=1000`, baseline: `${SRC} | chart count by n bins=2` },
    aligntime: { query: `${SRC} | eval _time=n*600 | chart count by _time span=20m aligntime=300`, baseline: `${SRC} | eval _time=n*600 | chart count by _time span=20m` },
  };
}
