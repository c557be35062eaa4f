/**
 * `minispl repl` driven as scripts drive it (stdin piped in), and, when tmux is installed, as a
 * user at a terminal: Tab completion, Up-arrow history, Ctrl-C during a long search.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCliWithInput } from "../support/cli.js";

const TSTATS = "| tstats count from datamodel=Endpoint.Processes by Processes.process_name";

describe("minispl repl (stdin piped)", () => {
  it("prints the table of a tstats search and exits on .exit", () => {
    const r = runCliWithInput(["repl", "--data", "samples/data/sysmon.xml"], [TSTATS, ".exit", "| makeresults | eval never=1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| Processes\.process_name \| count \|/);
    expect(r.stdout).toMatch(/\| scrcons\.exe +\| 1 +\|/);
    expect(r.stdout).toContain("4 results\n");
    expect(r.stdout).not.toContain("never");
    expect(r.stdout).not.toContain("minispl>");
  });

  it("explains with macros expanded and the rename of drop_dm_object_name", () => {
    const r = runCliWithInput(["repl"], [".explain | tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes by Processes.dest |", "  `drop_dm_object_name(Processes)`"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("summariesonly=false");
    expect(r.stdout).toContain('| rename "Processes.*" AS *');
  });

  it("joins continued lines, switches formats, loads data and survives errors", () => {
    const r = runCliWithInput(["repl"], [
      "| makeresults count=2 |",
      '  eval x=if(1==1,',
      '    "yes", "no") | table x',
      "| makeresults | statz",
      ".format ndjson",
      ".load samples/data/sysmon.xml",
      "index=main | stats count",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| yes |");
    expect(r.stdout).toContain("2 results\n");
    expect(r.stderr).toContain('unknown command "statz"');
    expect(r.stderr).toMatch(/loaded 6 events from 1 file/);
    expect(r.stdout).toContain('{"count":6}\n');
  });

  it("streams --format ndjson and shows multivalue cells one value per line", () => {
    const r = runCliWithInput(["repl", "--format", "table"], ['| makeresults | eval m=split("a,b,c", ",") | table m']);
    expect(r.stdout).toContain("| a |\n| b |\n| c |\n");
    const s = runCliWithInput(["repl", "--format", "ndjson"], ["| makeresults count=2 | eval n=1 | table n"]);
    expect(s.stdout).toBe('{"n":1}\n{"n":1}\n');
  });

  it(".load of data loaded before reads nothing twice and says so; .datamodels counts events (issue 11 item 8)", () => {
    const r = runCliWithInput(["repl", "--data", "samples/data/sysmon.xml"], [".load samples/data/sysmon.xml", ".load samples/data", "index=* | stats count", ".datamodels"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("skipped 1 file(s) already loaded: samples/data/sysmon.xml (loaded before)\nloaded 0 events from 0 file(s) (6 in total)\n");
    expect(r.stderr).toMatch(/skipped 1 file\(s\) already loaded: samples\/data\/sysmon\.xml \(loaded before\)\nloaded 10 events from 3 file\(s\) \(16 in total\)\n/);
    expect(r.stdout).toMatch(/\| +16 +\|/);
    expect(r.stdout).toMatch(/\| Endpoint\.Processes +\| +11 +\|/);
  });

  it("refuses a missing --data path", () => {
    const r = runCliWithInput(["repl", "--data", "no/such/file.xml"], []);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("no/such/file.xml: no such file or directory");
  });
});

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const LONG = "| makeresults count=3000000 | eval x=md5(tostring(random())) | stats dc(x)";

describe.skipIf(!hasTmux)("minispl repl in a terminal (tmux)", () => {
  const socket = `minispl-test-${process.pid}`;
  const tmux = (...args: string[]) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  const screen = () => tmux("capture-pane", "-p", "-J", "-t", "t").stdout;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function waitFor(re: RegExp, ms = 20_000): Promise<string> {
    const until = Date.now() + ms;
    for (;;) {
      const s = screen();
      if (re.test(s)) return s;
      if (Date.now() > until) throw new Error(`timed out waiting for ${re}; screen:\n${s}`);
      await sleep(100);
    }
  }
  afterAll(() => {
    tmux("kill-server");
  });

  it("completes with Tab, recalls with Up, cancels with Ctrl-C and keeps an owner-only history", async () => {
    const history = join(mkdtempSync(join(tmpdir(), "minispl-repl-")), "history");
    const cmd = `cd ${JSON.stringify(ROOT)} && MINISPL_HISTORY=${JSON.stringify(history)} NO_COLOR=1 ${JSON.stringify(process.execPath)} dist/cli/main.js repl --data samples/data/sysmon.xml; sleep 60`;
    expect(tmux("new-session", "-d", "-s", "t", "-x", "160", "-y", "50", cmd).status).toBe(0);
    // capture-pane -J may or may not keep trailing spaces, so patterns allow both.
    await waitFor(/minispl> *$/m);
    tmux("send-keys", "-t", "t", "| tst", "Tab");
    await waitFor(/minispl> \| tstats *$/m);
    tmux("send-keys", "-t", "t", " count from datamodel=Endpoint.Proc", "Tab");
    await waitFor(/datamodel=Endpoint\.Processes *$/m);
    tmux("send-keys", "-t", "t", " by Processes.process_n", "Tab");
    await waitFor(/by Processes\.process_name *$/m);
    tmux("send-keys", "-t", "t", "Enter");
    await waitFor(/4 results \(\d+\.\d+ s\)\nminispl> *$/m);

    tmux("send-keys", "-t", "t", "Up");
    await waitFor(/minispl> \| tstats count from datamodel=Endpoint\.Processes by Processes\.process_name *$/m);
    // A search typed over three lines comes back whole with one Up (issue 11 item 8).
    tmux("send-keys", "-t", "t", "C-u", "| makeresults count=2 |", "Enter");
    tmux("send-keys", "-t", "t", "  eval y=\"multi\" |", "Enter");
    tmux("send-keys", "-t", "t", "  table y", "Enter");
    await waitFor(/\| multi +\|\n.*\n2 results \(\d+\.\d+ s\)\nminispl> *$/m);
    tmux("send-keys", "-t", "t", "Up");
    await waitFor(/minispl> \| makeresults count=2 \| eval y="multi" \| table y *$/m);
    tmux("send-keys", "-t", "t", "C-u", LONG, "Enter");
    await sleep(1500);
    tmux("send-keys", "-t", "t", "C-c");
    // The search's flag stops it at its next check (error[cancelled]); one long step without a
    // check inside makes the REPL replace its worker after 2 s instead ("cancelled", reloading).
    await waitFor(/(^cancelled\n(reloading: .*\n)*|error\[cancelled\]: the search was cancelled \(Ctrl-C\)\n(.*\n)*?)minispl> *$/m, 30_000);
    tmux("send-keys", "-t", "t", "| makeresults | eval after=\"cancel\" | table after", "Enter");
    await waitFor(/\| cancel +\|\n.*\n1 result/m);
    tmux("send-keys", "-t", "t", ".exit", "Enter");
    await sleep(500);

    expect(statSync(history).mode & 0o777).toBe(0o600);
    expect(readFileSync(history, "utf8")).toContain(`${LONG}\n`);
    expect(readFileSync(history, "utf8")).toContain('| makeresults count=2 | eval y="multi" | table y\n');
  }, 90_000);
});

if (!hasTmux) {
  describe("minispl repl in a terminal", () => {
    it.skip("needs tmux (apt-get install tmux) to drive a pseudo-terminal", () => {});
  });
}
