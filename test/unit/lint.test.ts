import { describe, expect, it } from "vitest";
import { builtinMacros, lintDetection, parseDetection } from "../../src/index.js";

const lint = (yaml: string) => {
  const det = parseDetection(yaml, "d.yml").detection;
  if (!det) throw new Error("bad yaml");
  return lintDetection(det, builtinMacros()).map((f) => f.rule);
};

const observable = `tags:
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
`;

describe("lint", () => {
  it("is quiet on a well-formed detection", () => {
    expect(lint(`name: Good
search: '| tstats \`security_content_summariesonly\` count from datamodel=Endpoint.Processes by Processes.dest | \`drop_dm_object_name(Processes)\` | \`good_filter\`'
${observable}drilldown_searches:
- name: View $dest$
  search: '%original_detection_search% | search dest = "$dest$"'
  earliest_offset: $info_min_time$
`)).toEqual([]);
  });

  it.each([
    ["tstats without the summariesonly macro", "'| tstats count from datamodel=Endpoint.Processes by Processes.dest | `drop_dm_object_name(Processes)`'", "tstats-summariesonly"],
    ["an undefined macro", "'| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes by Processes.dest | `drop_dm_object_name(Processes)` | `no_such_macro`'", "undefined-macro"],
    ["a field the datamodel does not have", "'| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes by Processes.dest Processes.nonesuch | `drop_dm_object_name(Processes)`'", "datamodel-field"],
    ["an observable no result carries", "'| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes by Processes.user | `drop_dm_object_name(Processes)`'", "observable-not-produced"],
    ["a search that does not compile", "'| makeresults | statz'", "search-error"],
  ])("finds %s", (_what, search, rule) => {
    expect(lint(`name: T\nsearch: ${search}\n${observable}`)).toContain(rule);
  });

  it("finds a drilldown token no result field provides", () => {
    expect(lint(`name: T
search: '| tstats \`security_content_summariesonly\` count from datamodel=Endpoint.Processes by Processes.dest | \`drop_dm_object_name(Processes)\`'
${observable}drilldown_searches:
- name: View $user$
  search: '%original_detection_search% | search user = "$user$"'
`)).toEqual(["drilldown-token"]);
  });
});
