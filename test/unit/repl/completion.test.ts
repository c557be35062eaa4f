/** Tab completion over the real registries and datamodels (staticCatalog) plus given macros and fields. */
import { describe, expect, it } from "vitest";
import { complete } from "../../../src/repl/completion.js";
import { staticCatalog } from "../../../src/repl/repl.js";

const cat = staticCatalog(["security_content_summariesonly", "security_content_ctime", "drop_dm_object_name"], ["EventCode", "Image", "host"]);

describe("complete", () => {
  it("completes dot commands and their arguments", () => {
    expect(complete(".fo", cat)).toEqual([[".format"], ".fo"]);
    expect(complete(".format n", cat)).toEqual([["ndjson"], "n"]);
    expect(complete(".time o", cat)).toEqual([["off", "on"], "o"]);
    expect(complete(".help tst", cat)).toEqual([["tstats"], "tst"]);
    expect(complete(".fields Endpoint.Pro", cat)[0]).toContain("Endpoint.Processes");
  });

  it("completes command names after a pipe", () => {
    expect(complete("| tst", cat)).toEqual([["tstats"], "tst"]);
    expect(complete("| makeresults | ren", cat)).toEqual([["rename"], "ren"]);
    expect(complete("ren", cat, "| makeresults |")).toEqual([["rename"], "ren"]);
  });

  it("completes macro names after a backtick", () => {
    expect(complete("| tstats `security_content_s", cat)).toEqual([["security_content_summariesonly"], "security_content_s"]);
    expect(complete("| `drop", cat)).toEqual([["drop_dm_object_name"], "drop"]);
  });

  it("completes datasets after datamodel= and their fields after the root prefix", () => {
    expect(complete("| tstats count from datamodel=Endpoint.P", cat)).toEqual([["Endpoint.Ports", "Endpoint.Processes"], "Endpoint.P"]);
    const [fields, word] = complete("| tstats count from datamodel=Endpoint.Processes by Processes.process_n", cat);
    expect(word).toBe("Processes.process_n");
    expect(fields).toEqual(["Processes.process_name"]);
  });

  it("completes eval functions and the loaded data's fields", () => {
    const [hits] = complete("| eval x=low", cat);
    expect(hits).toContain("lower(");
    expect(complete("| search Ima", cat)).toEqual([["Image"], "Ima"]);
    expect(complete("| stats count by Proc", cat)[0]).toContain("Processes.");
  });

  it("offers nothing for an empty word outside a command position", () => {
    expect(complete("| eval x=", cat)).toEqual([[], ""]);
  });
});
