/** The report's inline style sheet (no external fonts or assets: the file is viewed offline). */
export const REPORT_CSS = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:20px}
main{padding:8px 24px 40px}section{background:#fff;border:1px solid #dde1e7;border-radius:6px;margin:16px 0;padding:12px 16px}
h2{font-size:16px;margin:4px 0 10px}.muted{color:#667085}.num{text-align:right;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eceef2;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f1f3f6;font-weight:600}td.wrap{overflow-wrap:anywhere;max-width:560px}td.time,th.time{white-space:nowrap}
#risk-table td:first-child{min-width:12em}#risk-table .range{font-weight:400;font-size:12px;white-space:nowrap}
.matrix{display:flex;gap:6px;overflow-x:auto;align-items:flex-start}.tactic{flex:1 1 0;min-width:130px;max-width:220px}
.tactic h3{font-size:12px;margin:0 0 4px;padding:4px;background:#1d2330;color:#fff;border-radius:3px}
.tech{font-size:12px;padding:4px;margin:0 0 3px;border-radius:3px;border:1px solid #e2c98f}
.flag{display:inline-block;white-space:nowrap;padding:0 6px;border-radius:8px;background:#9e2a2b;color:#fff;font-size:12px;margin-right:4px}
details{border-top:1px solid #eceef2;padding:6px 0}summary{cursor:pointer;font-weight:600}details details{margin-left:18px}
table.fields th{width:1%;white-space:nowrap}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f7f9;padding:6px;border-radius:4px;margin:4px 0}
.stats span{display:inline-block;margin-right:18px}.stats b{font-size:18px}
svg text{font-size:10px;fill:#667085}
`;
