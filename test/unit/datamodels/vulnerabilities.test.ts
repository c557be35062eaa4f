// Vulnerabilities: vulnerability + report tags, lower-cased identifiers, severity children.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "./tstats-support.js";

const store = storeOf([
  { tag: ["vulnerability", "report"], dest: "ws01", cve: ["CVE-2017-5753", "CVE-2017-5715"], severity: "high" },
  { tag: ["vulnerability", "report"], dest: "ws02", cve: "CVE-2021-44228", severity: "critical" },
  { tag: ["vulnerability", "report"], severity: "low" },
  { tag: ["vulnerability"], dest: "ws03", cve: "CVE-2017-5754" },
]);

describe("Vulnerabilities", () => {
  it("lower-cases cve, and ESCU's upper-case comparison still matches", () => {
    const q = '| tstats min(_time) as firstTime from datamodel=Vulnerabilities where Vulnerabilities.cve ="CVE-2017-5753" OR Vulnerabilities.cve ="CVE-2017-5754" by Vulnerabilities.dest';
    expect(rows(q, store)).toEqual([{ "Vulnerabilities.dest": "ws01", firstTime: 1_700_000_000 }]);
    expect(rows("| tstats values(Vulnerabilities.cve) as cve from datamodel=Vulnerabilities where Vulnerabilities.dest=ws01", store)).toEqual([
      { cve: ["cve-2017-5715", "cve-2017-5753"] },
    ]);
  });

  it("severity children; dest is filled", () => {
    expect(rows("| tstats count from datamodel=Vulnerabilities.High_Critical_Vulnerabilities", store)).toEqual([{ count: 2 }]);
    expect(rows("| tstats count from datamodel=Vulnerabilities.Low_Informational_Vulnerabilities by Vulnerabilities.dest", store)).toEqual([
      { "Vulnerabilities.dest": "unknown", count: 1 },
    ]);
  });
});
