// Change and Change_Analysis (cim-mapping.md §1.7): fills, result/result_id/command, the children,
// and child-defined fields addressed by lineage (`All_Changes.Instance_Changes.image_id`).
import { describe, expect, it } from "vitest";
import { rows, storeOf, warnings } from "./tstats-support.js";

const store = storeOf([
  { tag: ["change", "account"], action: "created", user: "newbie", src_user: "admin", signature: "A user account was created", signature_id: "4720" },
  { tag: ["change", "account"], action: "modified", user: "bob" },
  { tag: ["change", "account"], signature: "lockout", user: "carol" },
  { tag: ["change", "instance"], action: "created", user: "svc-ci", image_id: "ami-0abc", instance_type: "t3.micro", object_category: "instance" },
  { tag: ["change", "endpoint"], action: "modified", change_type: "restart", dest: "ws01" },
  { tag: ["change", "endpoint"], action: "modified", dest: "ws02", object_category: "file" },
  { tag: ["change", "network"], action: "modified", dest: "fw01", change_type: "restart", rule_action: ["allow", "log"] },
  { tag: ["change"], command: "x", sourcetype: "audittrail", Operation: "Set-Mailbox", ObjectName: "alice" },
  { tag: ["account"], action: "created", user: "not-a-change" },
]);

describe("Change.All_Changes", () => {
  it("holds every tag=change event (CIM 8.5: file/directory/registry objects included)", () => {
    expect(rows("| tstats count from datamodel=Change", store)).toEqual([{ count: 8 }]);
    expect(rows("| tstats count from datamodel=Change.All_Changes where All_Changes.object_category=file", store)).toEqual([{ count: 1 }]);
  });

  it("result falls back to signature, result_id to signature_id then -1", () => {
    expect(rows("| tstats count from datamodel=Change where All_Changes.tag=account by All_Changes.result All_Changes.result_id", store)).toEqual([
      { "All_Changes.result": "A user account was created", "All_Changes.result_id": "4720", count: 1 },
      { "All_Changes.result": "lockout", "All_Changes.result_id": "-1", count: 1 },
      { "All_Changes.result": "unknown", "All_Changes.result_id": "-1", count: 1 },
    ]);
  });

  it("command: audittrail builds it from Operation and ObjectName, a missing command is unknown", () => {
    expect(rows("| tstats count from datamodel=Change by All_Changes.command", store)).toEqual([
      { "All_Changes.command": "Set-Mailbox alice", count: 1 },
      { "All_Changes.command": "unknown", count: 7 },
    ]);
  });
});

describe("Change children", () => {
  const users = (ds: string) => rows(`| tstats count from datamodel=Change.${ds} by All_Changes.user`, store).map((r) => r["All_Changes.user"]);

  it("Account_Management and its action/result children", () => {
    expect(users("Account_Management")).toEqual(["bob", "carol", "newbie"]);
    expect(users("Accounts_Created")).toEqual(["newbie"]);
    expect(users("Accounts_Updated")).toEqual(["bob"]);
    // result="lockout" reads the calculated result (here from signature).
    expect(users("Account_Lockouts")).toEqual(["carol"]);
    expect(users("Accounts_Deleted")).toEqual([]);
  });

  it("Endpoint_Restarts / Other_Endpoint_Changes / Device_Restarts", () => {
    const dests = (ds: string) => rows(`| tstats count from datamodel=Change.${ds} by All_Changes.dest`, store).map((r) => r["All_Changes.dest"]);
    expect(dests("Endpoint_Restarts")).toEqual(["ws01"]);
    expect(dests("Other_Endpoint_Changes")).toEqual(["ws02"]);
    expect(dests("Device_Restarts")).toEqual(["fw01"]);
  });

  it("child fields use the child's lineage below the root and are null outside the child", () => {
    const q = "| tstats count from datamodel=Change where All_Changes.action=created by All_Changes.Instance_Changes.instance_type All_Changes.user";
    // ESCU's shape (fillnull_value=null): the account event has no instance_type at all.
    expect(rows(q.replace("tstats", "tstats fillnull_value=null"), store)).toEqual([
      { "All_Changes.Instance_Changes.instance_type": "null", "All_Changes.user": "newbie", count: 1 },
      { "All_Changes.Instance_Changes.instance_type": "t3.micro", "All_Changes.user": "svc-ci", count: 1 },
    ]);
    expect(warnings(q, store)).toEqual([]);
    expect(rows("| tstats values(All_Changes.Account_Management.src_user) as su values(All_Changes.Network_Changes.rule_action) as ra from datamodel=Change", store)).toEqual([
      { su: ["admin", "unknown"], ra: ["allow", "log"] },
    ]);
  });

  it("the root prefix alone does not reach a child field (tstats warns, the value is null)", () => {
    expect(warnings("| tstats count from datamodel=Change by All_Changes.image_id", store)).toHaveLength(1);
  });
});

describe("Change_Analysis (deprecated)", () => {
  it("has the All_Changes root and ESCU's `where (nodename = All_Changes)` form", () => {
    const q = "| tstats count from datamodel=Change_Analysis where (nodename = All_Changes) All_Changes.result_id=4720 by All_Changes.dest";
    expect(rows(q, store)).toEqual([{ "All_Changes.dest": "unknown", count: 1 }]);
    expect(rows("| tstats count from datamodel=Change_Analysis.Account_Management", store)).toEqual([{ count: 3 }]);
  });
});
