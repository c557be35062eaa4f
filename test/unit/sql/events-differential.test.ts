// Issue 13: an event search and the `stats` right after it, compiled to ClickHouse SQL over the
// `events` table and its field tables and run on embedded chDB, give exactly the in-memory
// engine's rows (values, types, order, column order), over a store of hostile events: quotes,
// backslashes, LIKE metacharacters, Unicode folding traps, numeric-looking text, multivalue fields
// with duplicates, missing fields, free text, equal times and times out of arrival order.
// Skipped, saying why, without chDB.
import { afterAll, describe, expect, it } from "vitest";
import { expectPushedSame, openChdb } from "./chdb-support.js";
import { hostileStore } from "./hostile-events.js";

const { backend, why, close } = await openChdb();
afterAll(close);

const NOW = 1_700_100_000;

const ST = "stats count min(_time) as firstTime max(_time) as lastTime";
const Q: readonly string[] = [
  `index=* | stats count`,
  `index=* | stats count by sourcetype`,
  `index=main OR index=WINDOWS | stats count by index host`,
  `sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational EventCode=1 | ${ST} by Image`,
  `index=* EventCode=1 Image=*\\\\cmd.exe | ${ST} by host Image CommandLine`,
  `index=* EventCode=1 Image=*\\cmd.exe | ${ST} by host Image CommandLine`,
  `index=* EventCode=1 Image="*\\\\cmd.exe" | ${ST} by host Image CommandLine`,
  `index=* (Image=*\\\\cmd.exe OR Image="*\\\\powershell.exe") | ${ST} values(CommandLine) as cmd by host`,
  `Image="C:\\\\Windows\\\\System32\\\\cmd.exe" | stats count by Image`,
  `Image="c:\\\\x%y_z\\\\a.exe" OR Image=*%* OR Image=*_* | stats count by Image`,
  `user=foo | stats count by user`,
  `user=F* | stats count by user`,
  `user="f%o" OR user="f_o" | stats count by user`,
  `user="f\\\\o" OR user="*\\\\*" | stats count by user`,
  `user="it's" OR user="q\\"uote" | stats count by user`,
  `user=über OR user=STRASSE OR user=ÜB* | stats count by user`,
  `user=k OR user=σ OR user=s* | stats count by user`,
  `user=CASE(Foo) OR user=CASE(f*) | stats count by user`,
  `user!=foo | stats count by EventCode`,
  `NOT user=foo NOT dest=10.1.2.3 | stats count by EventCode`,
  `dest=* | stats count by dest`,
  `NOT dest=* | stats count by host`,
  `dest=10.0.0.0/8 OR dest=fe80::/10 | stats count by dest`,
  `user IN (foo, "f%o", 1*, "") | stats count by user`,
  `n>5 | stats count by n`,
  `n<10 OR n>=abc | stats count by n`,
  `whoami | stats count by EventCode`,
  `WHOAMI cmd.exe | stats count by host`,
  `mimikatz OR "sekurlsa::*" | stats count by host`,
  `"100%" | stats count`,
  `CASE(Mimikatz) | stats count`,
  `"*" | stats count`,
  `* | stats count by sourcetype`,
  `"<Data Name='User'>foo</Data>" | stats count`,
  `index=* | stats count(tag) as t dc(tag) as d values(tag) as v by host`,
  `index=* | stats values(user) as users dc(user) count(user) by EventCode`,
  `index=* | stats count by tag`,
  `index=* | stats count by tag user`,
  `index=* | stats earliest(user) as e latest(user) as l earliest_time(dest) latest_time(tag) by host`,
  `index=* | stats sum(n) as s avg(n) as a count by host`,
  `index=* | stats sum(user) as s by sourcetype`,
  `index=* | stats count by nosuch`,
  `index=* | stats dc(nosuch) as d values(nosuch) as v count(nosuch) as c by host`,
  `index=* nosuch=* | stats count`,
  `index=* earliest=1699999999 | stats count by host`,
  `index=* earliest=-2d@d latest=now | stats count by host`,
  `index=* earliest=-1d@d latest=-20h | stats count by host`,
  `index=* (earliest=0 OR user=foo) | stats count by host`,
  `index=* EventCode=1 | search Image=*cmd* | ${ST} by host | rename host AS dest | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime) ctime(lastTime) | search *`,
  `index=* | stats count as host values(user) as host by host EventCode`,
  `index=* _raw=*whoami* | stats count by host`,
  `index=* EventCode=1 | stats count`,
  `sourcetype=nothing | stats min(_time) as f max(_time) as l count(_time) as c`,
  `index=* | rename user as u | stats count by u`,
  `index=* | rename user as host | stats count values(host) as h by EventCode`,
  `index=* | rename user as a, a as b | rename b as "c d" | stats count by "c d" host`,
  `index=* | rename nosuch as host | stats count by host EventCode`,
  `index=* | rename dest as user | rename user as dest | stats count by dest user`,
  `index=* EventCode=1 | rename Image as process, host as dest | stats count min(_time) as firstTime by dest process | rename process as p`,
  `index=* | fillnull value=none dest | stats count by dest`,
  `index=* | fillnull value="it's \\ 100%" dest nosuch tag | stats count values(tag) as t dc(nosuch) as n by dest nosuch`,
  `index=* | rename dest as d | fillnull value=x d user | rename d as dest | fillnull value=y dest | stats count by dest user`,
  `index=* | fillnull value=0 dest | rename dest as host | stats count by host`,
  `index=* | fillnull | stats count by dest tag`,
  `index=* | fillnull value=NULL | stats count values(dest) as d by nosuch host`,
  `sourcetype=linux:audit | fillnull value=x | rename dest as d | stats count by d`,
  `user=foo | fillnull value=x | stats count by dest`,
  `NOT dest=* | fillnull value=x | stats count by dest host`,
  `index=* | rename dest as d | fillnull value=x | stats count by d user`,
];

describe.skipIf(!backend)(`search | stats on chDB = in memory${why ? ` (skipped: ${why})` : ""}`, () => {
  const store = hostileStore();
  it.each(Q)("%s", async (q) => {
    await expectPushedSame(q, store, backend!, NOW);
  });
});
