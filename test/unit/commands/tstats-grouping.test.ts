// tstats groups by dictionary ids (grouping.ts addKeyed); these cases are where ids and values
// differ: a fill equal to a stored value, multivalue BY values, time buckets, and sort order.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "../datamodels/tstats-support.js";

const PROC = ["process", "report"];
const store = storeOf([
  { tag: PROC, process_name: "a.exe", user: "al", process_id: "10", process_guid: "null" },
  { tag: PROC, process_name: "a.exe", process_id: "9" },
  { tag: PROC, process_name: "b.exe", user: "bob", process_hash: ["H1", "H2"], process_id: "10" },
  { tag: PROC, process_name: "b.exe", user: "bob", process_hash: "H1", process_id: "100" },
  { tag: PROC, process_name: "c.exe", user: "bob", process_id: "x", process_path: "null" },
]);

const tstats = (tail: string) => rows(`| tstats count from datamodel=Endpoint.Processes ${tail}`, store);

describe("tstats grouping", () => {
  it.each([
    ["a filled null joins the stored value equal to the fill", "by Processes.process_id Processes.parent_process_id fillnull_value=10", [
      { "Processes.process_id": "9", "Processes.parent_process_id": "10", count: 1 },
      { "Processes.process_id": "10", "Processes.parent_process_id": "10", count: 2 },
      { "Processes.process_id": "100", "Processes.parent_process_id": "10", count: 1 },
      { "Processes.process_id": "x", "Processes.parent_process_id": "10", count: 1 },
    ]],
    ["without fillnull_value a null BY value drops the row", "by Processes.process_hash", [
      { "Processes.process_hash": "H1", count: 2 },
      { "Processes.process_hash": "H2", count: 1 },
    ]],
    ["a multivalue row counts in each of its groups, merged with single-valued rows", "by Processes.process_name Processes.process_hash", [
      { "Processes.process_name": "b.exe", "Processes.process_hash": "H1", count: 2 },
      { "Processes.process_name": "b.exe", "Processes.process_hash": "H2", count: 1 },
    ]],
    ["numbers sort before text, numerically", "by Processes.process_id", [
      { "Processes.process_id": "9", count: 1 },
      { "Processes.process_id": "10", count: 2 },
      { "Processes.process_id": "100", count: 1 },
      { "Processes.process_id": "x", count: 1 },
    ]],
    ["a time bucket is a number key", "by _time span=1h Processes.process_name", [
      { _time: 1_699_999_200, "Processes.process_name": "a.exe", count: 2 },
      { _time: 1_699_999_200, "Processes.process_name": "b.exe", count: 2 },
      { _time: 1_699_999_200, "Processes.process_name": "c.exe", count: 1 },
    ]],
    ["no BY: one group", "", [{ count: 5 }]],
  ])("%s", (_label, tail, want) => {
    expect(tstats(tail)).toEqual(want);
  });

  it("a fill equal to a stored value shares its group, whichever comes first", () => {
    // ESCU's fillnull_value=null: the stored "null" comes first (guid) or last (path).
    expect(tstats("by Processes.process_guid Processes.process_name fillnull_value=null")).toEqual([
      { "Processes.process_guid": "null", "Processes.process_name": "a.exe", count: 2 },
      { "Processes.process_guid": "null", "Processes.process_name": "b.exe", count: 2 },
      { "Processes.process_guid": "null", "Processes.process_name": "c.exe", count: 1 },
    ]);
    expect(tstats("by Processes.process_path fillnull_value=null")).toEqual([{ "Processes.process_path": "null", count: 5 }]);
    expect(rows("| tstats count from datamodel=Endpoint.Processes where Processes.process_name=a.exe by Processes.parent_process_id Processes.process_name fillnull_value=a.exe", store)).toEqual([
      { "Processes.parent_process_id": "a.exe", "Processes.process_name": "a.exe", count: 2 },
    ]);
  });
});
