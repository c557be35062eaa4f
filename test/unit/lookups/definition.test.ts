/** ESCU lookup YAML → definition, with transforms.conf.spec defaults. */
import { describe, expect, it } from "vitest";
import { parseLookupYaml } from "../../../src/index.js";
import { parseMatchType } from "../../../src/lookups/definition.js";

describe("parseLookupYaml", () => {
  it("reads an ESCU wildcard definition (strings for booleans, as ESCU writes them)", () => {
    const yml = [
      "description: A list of potentially abused libraries in Windows",
      "filename: hijacklibs_loaded.csv",
      "name: hijacklibs_loaded",
      "default_match: 'false'",
      "match_type: WILDCARD(library),WILDCARD(excludes)",
      "min_matches: 1",
      "case_sensitive_match: 'false'",
    ].join("\n");
    const r = parseLookupYaml(yml, "hijacklibs_loaded.yml");
    expect(r.problems).toEqual([]);
    expect(r.definition).toEqual({
      name: "hijacklibs_loaded", filename: "hijacklibs_loaded.csv",
      matchTypes: new Map([["library", "WILDCARD"], ["excludes", "WILDCARD"]]),
      caseSensitive: false, minMatches: 1, maxMatches: 100, defaultMatch: "false", origin: "hijacklibs_loaded.yml",
    });
  });

  it("defaults: case-sensitive exact matching, max 100, min 0, empty default_match", () => {
    const d = parseLookupYaml("name: msad_guid_lookup\nfilename: msad_guid_lookup.csv\n", "m.yml").definition;
    expect(d).toMatchObject({ caseSensitive: true, maxMatches: 100, minMatches: 0, defaultMatch: "", matchTypes: new Map() });
  });

  it("reads a KV-store collection with its fields_list", () => {
    const d = parseLookupYaml("name: previously_seen_S3_access_from_remote_ip\ncollection: previously_seen_S3_access_from_remote_ip\nfields_list: _key, bucket_name,remote_ip,earliest,latest", "p.yml").definition;
    expect(d).toMatchObject({ collection: "previously_seen_S3_access_from_remote_ip", fieldsList: ["_key", "bucket_name", "remote_ip", "earliest", "latest"] });
    expect(d?.filename).toBeUndefined();
  });

  it("keeps a non-boolean default_match as written; YAML booleans become lower-case text", () => {
    expect(parseLookupYaml("name: a\nfilename: a.csv\ndefault_match: Unknown", "a.yml").definition?.defaultMatch).toBe("Unknown");
    expect(parseLookupYaml("name: a\nfilename: a.csv\ndefault_match: False", "a.yml").definition?.defaultMatch).toBe("false");
  });

  it("reports bad settings and keeps the defaults", () => {
    const r = parseLookupYaml("name: a\nfilename: a.csv\nmax_matches: lots\nmatch_type: FUZZY(x)\ncase_sensitive_match: maybe", "a.yml");
    expect(r.problems.map((p) => p.message)).toEqual([
      'match_type "FUZZY(x)" is not WILDCARD(<field>), CIDR(<field>) or EXACT(<field>)',
      'max_matches must be an integer, got "lots"',
      'case_sensitive_match must be true or false, got "maybe"',
    ]);
    expect(r.definition).toMatchObject({ maxMatches: 100, caseSensitive: true });
  });

  it("clamps max_matches to 1–1000 (transforms.conf.spec range)", () => {
    expect(parseLookupYaml("name: a\nfilename: a.csv\nmax_matches: 5000", "a.yml").definition?.maxMatches).toBe(1000);
  });

  it("rejects files that are not definitions, with the YAML error line", () => {
    expect(parseLookupYaml("description: x\n", "n.yml").problems[0]?.message).toBe("a lookup definition needs `name`");
    const bad = parseLookupYaml("name: a\n  filename: [", "b.yml");
    expect(bad.definition).toBeNull();
    expect(bad.problems[0]?.line).toBeGreaterThan(0);
  });
});

describe("parseMatchType", () => {
  it("reads comma- and space-separated lists of WILDCARD/CIDR/EXACT", () => {
    expect(parseMatchType("WILDCARD(a), CIDR(b) exact(c)")).toEqual({ types: new Map([["a", "WILDCARD"], ["b", "CIDR"], ["c", "EXACT"]]), bad: [] });
    expect(parseMatchType("WILDCARD(a),WILDCARD(b)").types.size).toBe(2);
    expect(parseMatchType("WILDCARD(a), FUZZY(b), CIDR(")).toEqual({ types: new Map([["a", "WILDCARD"]]), bad: ["FUZZY(b)", "CIDR("] });
  });
});
