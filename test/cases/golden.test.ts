/**
 * The golden corpus, in memory: every test/cases/<group>/<name>.json is one case (the format and
 * the checks are golden-case.ts, shared with golden-chdb.test.ts, which runs the SQL-relevant
 * groups on chDB too). A fresh store, lookups and csv folder per case.
 */
import { describe, it } from "vitest";
import { runSearch } from "../../src/index.js";
import { caseFiles, caseGroups, caseOptions, caseStore, checkResult, readCase } from "./golden-case.js";

describe.each(caseGroups())("%s", (group) => {
  it.each(caseFiles(group))("%s", (file) => {
    const c = readCase(group, file);
    checkResult(c, runSearch(c.query, caseStore(c), caseOptions(c)));
  });
});
