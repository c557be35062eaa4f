/** Row matching: EXACT, WILDCARD, CIDR (IPv4/IPv6), case sensitivity, file order and max_matches. */
import { describe, expect, it } from "vitest";
import type { MatchKind } from "../../../src/lookups/definition.js";
import { LookupMatcher } from "../../../src/lookups/matcher.js";
import type { LookupTable } from "../../../src/lookups/table.js";

const settings = (types: Record<string, MatchKind> = {}, caseSensitive = true, maxMatches = 100) => ({
  matchTypes: new Map(Object.entries(types)), caseSensitive, maxMatches,
});

describe("LookupMatcher", () => {
  const users: LookupTable = { fields: ["user", "dept"], rows: [["alice", "eng"], ["bob", "ops"], ["alice", "sec"], [null, "none"]] };

  it("exact: every matching row in file order", () => {
    const m = new LookupMatcher(users, settings(), ["user"]);
    expect(m.match([["alice"]])).toEqual([0, 2]);
    expect(m.match([["ALICE"]])).toEqual([]);
    expect(m.match([["carol"]])).toEqual([]);
  });

  it("case_sensitive_match=false folds case on both sides", () => {
    expect(new LookupMatcher(users, settings({}, false), ["user"]).match([["ALICE"]])).toEqual([0, 2]);
  });

  it("max_matches keeps the first rows in file order", () => {
    expect(new LookupMatcher(users, settings({}, true, 1), ["user"]).match([["alice"]])).toEqual([0]);
  });

  it("any value of a multivalue input matches; rows are merged in file order", () => {
    expect(new LookupMatcher(users, settings(), ["user"]).match([["bob", "alice"]])).toEqual([0, 1, 2]);
  });

  it("an empty lookup cell never matches", () => {
    expect(new LookupMatcher(users, settings(), ["user"]).match([[""]])).toEqual([]);
  });

  it("wildcard: * matches any run, other regex characters are literal", () => {
    const t: LookupTable = { fields: ["p"], rows: [["*mimikatz*"], ["a.b"], ["c:\\windows\\*"], ["(x)*"]] };
    const m = new LookupMatcher(t, settings({ p: "WILDCARD" }, false), ["p"]);
    expect(m.match([["C:\\Tools\\MimiKatz.exe"]])).toEqual([0]);
    expect(m.match([["a.b"]])).toEqual([1]);
    expect(m.match([["axb"]])).toEqual([]);
    expect(m.match([["C:\\Windows\\System32\\x.exe"]])).toEqual([2]);
    expect(m.match([["(x)yz"]])).toEqual([3]);
    expect(new LookupMatcher(t, settings({ p: "WILDCARD" }, true), ["p"]).match([["MIMIKATZ"]])).toEqual([]);
  });

  it("without WILDCARD a * in the table is a literal character", () => {
    const t: LookupTable = { fields: ["p"], rows: [["a*"]] };
    expect(new LookupMatcher(t, settings(), ["p"]).match([["abc"]])).toEqual([]);
    expect(new LookupMatcher(t, settings(), ["p"]).match([["a*"]])).toEqual([0]);
  });

  it("several fields must all match", () => {
    const t: LookupTable = { fields: ["lib", "path"], rows: [["version.dll", "c:\\windows\\system32\\*"], ["version.dll", "*"]] };
    const m = new LookupMatcher(t, settings({ lib: "WILDCARD", path: "WILDCARD" }, false), ["lib", "path"]);
    expect(m.match([["VERSION.DLL"], ["C:\\Windows\\System32\\version.dll"]])).toEqual([0, 1]);
    expect(m.match([["version.dll"], ["D:\\x"]])).toEqual([1]);
    expect(m.match([["other.dll"], ["D:\\x"]])).toEqual([]);
  });

  it("CIDR: subnets and bare addresses, IPv4 and IPv6; a non-CIDR cell compares as text", () => {
    const t: LookupTable = { fields: ["net"], rows: [["10.0.0.0/8"], ["10.1.0.0/16"], ["2001:db8::/32"], ["192.168.1.5"], ["unknown"]] };
    const m = new LookupMatcher(t, settings({ net: "CIDR" }), ["net"]);
    expect(m.match([["10.1.2.3"]])).toEqual([0, 1]);
    expect(m.match([["11.0.0.1"]])).toEqual([]);
    expect(m.match([["2001:DB8:0:0::ff"]])).toEqual([2]);
    expect(m.match([["192.168.1.5"]])).toEqual([3]);
    expect(m.match([["unknown"]])).toEqual([4]);
  });

  it("answers repeated inputs from its memo (same result)", () => {
    const m = new LookupMatcher(users, settings(), ["user"]);
    expect(m.match([["bob"]])).toBe(m.match([["bob"]]));
  });
});
