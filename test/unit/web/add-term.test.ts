/** What clicking a sidebar value does to the search text (web/src/add-term.ts). */
import { describe, expect, it } from "vitest";
import { addTerm, firstPipe, termValue } from "../../../web/src/add-term.js";

describe("addTerm", () => {
  it.each([
    ["index=*", "EventCode", "4688", "index=* EventCode=4688"],
    ["index=* | stats count by host", "host", "a", "index=* host=a | stats count by host"],
    ["", "host", "a", "host=a"],
    ["| tstats count from datamodel=Endpoint.Processes by Processes.dest", "dest", "h1", "| tstats count from datamodel=Endpoint.Processes by Processes.dest | search dest=h1"],
    ['index=* "a|b" | head 1', "user", "x y", 'index=* "a|b" user="x y" | head 1'],
    ["index=* ```a | comment``` | head 1", "user", 'say "hi"', 'index=* ```a | comment``` user="say \\"hi\\"" | head 1'],
    ["index=* [search x | head 1] | head 2", "n", "1", "index=* [search x | head 1] n=1 | head 2"],
  ])("%s + %s=%s", (search, field, value, want) => {
    expect(addTerm(search, field, value)).toBe(want);
  });

  it("quotes what is not one plain word and finds no pipe in an open string", () => {
    expect(termValue("C:\\Windows\\x.exe")).toBe("C:\\Windows\\x.exe");
    expect(termValue("a=b")).toBe('"a=b"');
    expect(firstPipe('index=* "unterminated | x')).toBe(-1);
  });
});
