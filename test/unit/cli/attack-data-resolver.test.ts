/**
 * Where `minispl test` finds each attack_data URL (src/cli/test-attack-data.ts AttackDataResolver):
 * `--attack-data-map` prefixes first, then the attack_data layout under `--attack-data`, then a
 * unique file of the URL's name anywhere under it; otherwise an error naming what was looked for.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AttackDataResolver, parseAttackDataMaps } from "../../../src/cli/test-attack-data.js";

const MASTER = "https://media.githubusercontent.com/media/splunk/attack_data/master/";
const URL = `${MASTER}datasets/attack_techniques/T1047/execution_scrcons/windows-sysmon.log`;

/** A folder with these files (relative paths), each holding its own path. */
function tree(files: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), "minispl-resolve-"));
  for (const f of files) {
    mkdirSync(join(root, f, ".."), { recursive: true });
    writeFileSync(join(root, f), f);
  }
  return root;
}

describe("AttackDataResolver", () => {
  it("the attack_data layout under the root", () => {
    const root = tree(["datasets/attack_techniques/T1047/execution_scrcons/windows-sysmon.log"]);
    expect(new AttackDataResolver(root).resolve(URL)).toEqual({ path: join(root, "datasets/attack_techniques/T1047/execution_scrcons/windows-sysmon.log") });
  });

  it("a map's folder comes first, the longest matching prefix first; a whole-URL prefix maps one file", () => {
    const root = tree(["datasets/attack_techniques/T1047/execution_scrcons/windows-sysmon.log", "mine/T1047/execution_scrcons/windows-sysmon.log", "one.log"]);
    const maps = parseAttackDataMaps([`${MASTER}=${join(root, "nowhere")}`, `${MASTER}datasets/attack_techniques/=${join(root, "mine")}`]);
    if ("error" in maps) throw new Error(maps.error);
    expect(new AttackDataResolver(root, maps.maps).resolve(URL)).toEqual({ path: join(root, "mine/T1047/execution_scrcons/windows-sysmon.log") });
    const single = parseAttackDataMaps([`${URL}=${join(root, "one.log")}`]);
    if ("error" in single) throw new Error(single.error);
    expect(new AttackDataResolver(root, single.maps).resolve(URL)).toEqual({ path: join(root, "one.log") });
  });

  it("falls back to the one file of that name anywhere under the root", () => {
    const root = tree(["flat/windows-sysmon.log", "flat/other.log"]);
    expect(new AttackDataResolver(root).resolve(URL)).toEqual({ path: join(root, "flat/windows-sysmon.log") });
    // Any host: the name search does not need an attack_data URL.
    expect(new AttackDataResolver(root).resolve("https://example.org/logs/other.log?raw=1")).toEqual({ path: join(root, "flat/other.log") });
  });

  it("several files of that name: an error listing them", () => {
    const root = tree(["a/windows-sysmon.log", "b/windows-sysmon.log"]);
    const r = new AttackDataResolver(root).resolve(URL);
    expect("error" in r && r.error).toBe(
      `attack data file for ${URL} is ambiguous: 2 files named windows-sysmon.log under ${root}: ${join(root, "a/windows-sysmon.log")}, ${join(root, "b/windows-sysmon.log")} (--attack-data-map <url-prefix=dir> says which)`,
    );
  });

  it("nothing found: the error names the URL and every path looked for", () => {
    const root = tree(["unrelated.log"]);
    const maps = parseAttackDataMaps([`${MASTER}datasets/=${join(root, "mapped")}`]);
    if ("error" in maps) throw new Error(maps.error);
    const r = new AttackDataResolver(root, maps.maps).resolve(URL);
    expect("error" in r && r.error).toBe(
      `missing attack data file for ${URL}: looked for ${join(root, "mapped/attack_techniques/T1047/execution_scrcons/windows-sysmon.log")}, ` +
        `${join(root, "datasets/attack_techniques/T1047/execution_scrcons/windows-sysmon.log")}, any file named windows-sysmon.log under ${root} ` +
        "(--attack-data-map <url-prefix=dir> maps a URL prefix to a folder)",
    );
  });

  it("a mapped URL never leaves its folder", () => {
    const root = tree(["secret.log"]);
    const maps = parseAttackDataMaps([`https://x.test/=${join(root, "sub")}`]);
    if ("error" in maps) throw new Error(maps.error);
    const r = new AttackDataResolver(join(root, "sub"), maps.maps).resolve("https://x.test/../secret.log");
    expect(r).toHaveProperty("error");
  });
});

describe("parseAttackDataMaps", () => {
  it("splits at the last '=' and rejects a value without a prefix or a folder", () => {
    expect(parseAttackDataMaps(["https://h/x?a=b=/data"])).toEqual({ maps: [{ prefix: "https://h/x?a=b", dir: "/data" }] });
    for (const bad of ["/data", "=/data", "https://h/="]) expect(parseAttackDataMaps([bad])).toHaveProperty("error");
  });
});
