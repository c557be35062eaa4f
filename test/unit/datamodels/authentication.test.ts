// Authentication (cim-mapping.md §1.6): the machine-account exclusion, fills, and the children by dataset and nodename.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "./tstats-support.js";

const A = ["authentication"];
const store = storeOf([
  { tag: A, action: "success", user: "alice", src: "10.0.0.1", dest: "dc01", sourcetype: "XmlWinEventLog" },
  { tag: A, action: "success", user: "WS01$", src: "10.0.0.2", dest: "dc01" },
  { tag: A, action: "failure", user: "WS02$", src: "10.0.0.3", dest: "dc01" },
  { tag: A, action: "Failure", user: "bob", dest: "vpn", app: "okta" },
  { tag: A, result: "failure", user: "carol", sourcetype: "audittrail" },
  { tag: [...A, "default"], action: "success", user: "admin" },
  { tag: [...A, "cleartext"], action: "failure", user: "ftp" },
  { tag: [...A, "privileged"], action: "failure", user: "root" },
  { tag: ["change"], action: "failure", user: "nobody" },
]);

describe("Authentication.Authentication", () => {
  it("drops successful logons of machine accounts (NOT (action=success user=*$)) but keeps their failures", () => {
    // Group keys sort in byte order, so "WS02$" comes first.
    expect(rows("| tstats count from datamodel=Authentication.Authentication by Authentication.user", store)).toEqual([
      { "Authentication.user": "WS02$", count: 1 },
      { "Authentication.user": "admin", count: 1 },
      { "Authentication.user": "alice", count: 1 },
      { "Authentication.user": "bob", count: 1 },
      { "Authentication.user": "carol", count: 1 },
      { "Authentication.user": "ftp", count: 1 },
      { "Authentication.user": "root", count: 1 },
    ]);
  });

  it("fills src/dest/action with unknown and app with the sourcetype", () => {
    expect(rows("| tstats count from datamodel=Authentication where Authentication.user IN (bob, carol) by Authentication.app Authentication.src Authentication.action", store)).toEqual([
      { "Authentication.app": "audittrail", "Authentication.src": "unknown", "Authentication.action": "unknown", count: 1 },
      { "Authentication.app": "okta", "Authentication.src": "unknown", "Authentication.action": "Failure", count: 1 },
    ]);
  });
});

describe("Authentication children", () => {
  it("Failed_Authentication: action=failure (any case) OR result=failure, via nodename as ESCU writes it", () => {
    const q = "| tstats count from datamodel=Authentication where nodename=Authentication.Failed_Authentication by Authentication.user";
    expect(rows(q, store).map((r) => r["Authentication.user"])).toEqual(["WS02$", "bob", "carol", "ftp", "root"]);
  });

  it("Successful_Authentication by dataset name", () => {
    const q = "| tstats count from datamodel=Authentication.Successful_Authentication by Authentication.user";
    expect(rows(q, store).map((r) => r["Authentication.user"])).toEqual(["admin", "alice"]);
  });

  it("Default / Insecure / Privileged children and their failed grandchildren", () => {
    const users = (ds: string) => rows(`| tstats count from datamodel=Authentication.${ds} by Authentication.user`, store).map((r) => r["Authentication.user"]);
    expect(users("Default_Authentication")).toEqual(["admin"]);
    expect(users("Successful_Default_Authentication")).toEqual(["admin"]);
    expect(users("Failed_Default_Authentication")).toEqual([]);
    expect(users("Insecure_Authentication")).toEqual(["ftp"]);
    expect(users("Failed_Privileged_Authentication")).toEqual(["root"]);
  });
});
