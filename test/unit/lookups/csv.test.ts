/** The RFC 4180 reader and writer for lookup files, with file:line problems. */
import { describe, expect, it } from "vitest";
import { formatCsv, parseCsv } from "../../../src/index.js";

describe("parseCsv", () => {
  it("reads a header and rows; an empty cell is null", () => {
    expect(parseCsv("a,b\n1,\n,2\n", "t.csv")).toEqual({ table: { fields: ["a", "b"], rows: [["1", null], [null, "2"]] }, problems: [] });
  });

  it("handles quotes, doubled quotes, embedded commas and line breaks, CRLF and a BOM", () => {
    const text = '\uFEFFname,"a, b"\r\n"say ""hi""","x\r\ny"\r\nlast,z';
    const r = parseCsv(text, "q.csv");
    expect(r.problems).toEqual([]);
    expect(r.table).toEqual({ fields: ["name", "a, b"], rows: [['say "hi"', "x\r\ny"], ["last", "z"]] });
  });

  it("reads a header-only file without a final newline as no rows (ESCU's empty placeholder tables)", () => {
    expect(parseCsv("src_ip,numDataPoints", "b.csv").table).toEqual({ fields: ["src_ip", "numDataPoints"], rows: [] });
  });

  it("trims header names (ESCU's dynamic_dns_providers_local.csv has \"a, isDynDNS_local\")", () => {
    expect(parseCsv("dynamic_dns_domains, isDynDNS_local\n", "d.csv").table.fields).toEqual(["dynamic_dns_domains", "isDynDNS_local"]);
  });

  it("skips blank lines", () => {
    expect(parseCsv("a\n\n1\n\n", "t.csv").table.rows).toEqual([["1"]]);
  });

  it("reports rows of the wrong width with the line they start on, padding or cutting them", () => {
    const r = parseCsv('a,b\n1\n"x\ny",2,3\n4,5\n', "w.csv");
    expect(r.table.rows).toEqual([["1", null], ["x\ny", "2"], ["4", "5"]]);
    expect(r.problems).toEqual([
      { file: "w.csv", line: 2, message: "row has 1 field(s), the header has 2" },
      { file: "w.csv", line: 3, message: "row has 3 field(s), the header has 2" },
    ]);
  });

  it("reports an unterminated quote at the line where it opened", () => {
    const r = parseCsv('a\n1\n"open\nmore\n', "u.csv");
    expect(r.problems).toEqual([{ file: "u.csv", line: 3, message: "unterminated quoted field (read to the end of the file)" }]);
    expect(r.table.rows).toEqual([["1"], ["open\nmore\n"]]);
  });

  it("reports empty and duplicate header names", () => {
    const r = parseCsv("a,,a\n", "h.csv");
    expect(r.problems.map((p) => p.message)).toEqual(["empty field name in the header", 'field "a" appears twice in the header (the first is used)']);
  });
});

describe("formatCsv", () => {
  it("quotes only where needed and round-trips", () => {
    const table = { fields: ["a", "b,c"], rows: [['x "y"', null], ["line\nbreak", " padded "]] };
    const text = formatCsv(table);
    expect(text).toBe('a,"b,c"\n"x ""y""",\n"line\nbreak"," padded "\n');
    expect(parseCsv(text, "r.csv").table).toEqual(table);
  });

  it("writes a table without fields as a zero-length file (create_empty=true)", () => {
    expect(formatCsv({ fields: [], rows: [] })).toBe("");
  });
});
