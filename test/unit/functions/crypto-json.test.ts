/** Hash functions (UTF-8 input) and the basic JSON functions. */
import { describe, expect, it } from "vitest";
import type { EvalValue } from "../../../src/values/value.js";
import { call } from "./call.js";

type Row = [string, EvalValue[], EvalValue];

describe("cryptographic functions", () => {
  it.each<Row>([
    ["md5", [""], "d41d8cd98f00b204e9800998ecf8427e"],
    ["sha1", [""], "da39a3ee5e6b4b0d3255bfef95601890afd80709"],
    ["sha256", ["€"], "c4cc90ed3d26f12d4b08a75140970a7904035c31cbb4515a83f19b9003c00d1d"],
    ["md5", [12], "c20ad4d76fe97759aa27a0c99bff6710"],
    ["md5", [null], null],
    ["sha1", [["a", "b"]], ["86f7e437faa5a7fce15d1ddcb9eaeaea377667b8", "e9d71f5ee7c92d6dc9e92ffdad17b8bd49418f98"]],
  ])("%s(%j) → %j", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });
});

const DOC = '{"a":{"b":[1,2,{"c":"x"}]},"s":"str","t":true,"n":null,"list":[{"k":1},{"k":2}]}';

describe("json functions", () => {
  it.each<Row>([
    ["json_extract", [DOC, "s"], "str"],
    ["json_extract", [DOC, "a.b{0}"], 1],
    ["json_extract", [DOC, "a.b{2}.c"], "x"],
    ["json_extract", [DOC, "a.b{9}"], null],
    ["json_extract", [DOC, "t"], "true"],
    ["json_extract", [DOC, "n"], null],
    ["json_extract", [DOC, "a"], '{"b":[1,2,{"c":"x"}]}'],
    // A `{}` path gives a JSON array (JSON functions: json_extract(cities,"{}.name") is ["London",…]).
    ["json_extract", [DOC, "list{}.k"], "[1,2]"],
    ["json_extract", [DOC, "missing"], null],
    ["json_extract", ['{"x":1}'], '{"x":1}'],
    ["json_extract", ["not json", "a"], null],
    ["json_extract", [null, "a"], null],
    ["json_object", ["a", 1, "b", ["x", "y"], "c", null], '{"a":1,"b":["x","y"],"c":null}'],
    ["json_object", [], "{}"],
    ["json_array", ["a", 2, true], '["a",2,true]'],
    ["json_keys", ['{"x":1,"y":2}'], '["x","y"]'],
    ["json_keys", ["[1]"], null],
    ["json_valid", ["[1,2]"], true],
    ["json_valid", ["{"], false],
    ["json_valid", [null], null],
  ])("%s(%j) → %j", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });
});
