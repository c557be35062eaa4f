/**
 * CSV lookup files (RFC 4180): quoted fields with doubled quotes, embedded commas and newlines,
 * CRLF or LF line ends, an optional UTF-8 byte-order mark. Pure: the CLI reads the bytes.
 *
 * Splunk reads lookup files as plain CSV with a header row (Knowledge Manager Manual, "Configure
 * CSV lookups"); an empty cell means the field has no value, so it is read as null. Problems are
 * reported with the line they start on and never stop the load: a row with too few cells is padded
 * with nulls, a row with too many is cut to the header's width.
 */
import type { LookupTable } from "./table.js";

export interface CsvProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface CsvParseResult {
  readonly table: LookupTable;
  readonly problems: readonly CsvProblem[];
}

interface RawRow {
  readonly cells: string[];
  readonly line: number;
}

/** Splits CSV text into rows of cells (quotes removed), remembering the line each row starts on. */
function splitRows(text: string, file: string, problems: CsvProblem[]): RawRow[] {
  const rows: RawRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let quoteLine = 0;
  const endRow = (): void => {
    cells.push(cell);
    // A row that is one empty cell is a blank line: skipped, as CSV readers do.
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ cells, line: rowLine });
    cells = [];
    cell = "";
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === "\n") line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      if (c === '"') problems.push({ file, line, message: "a quote inside an unquoted field (kept as text)" });
      cell += c;
    }
    i++;
  }
  if (quoted) problems.push({ file, line: quoteLine, message: "unterminated quoted field (read to the end of the file)" });
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}

/** Parses a lookup CSV: the first row names the fields. */
export function parseCsv(text: string, file: string): CsvParseResult {
  const problems: CsvProblem[] = [];
  const raw = splitRows(text, file, problems);
  const header = raw[0];
  if (!header) return { table: { fields: [], rows: [] }, problems };
  // Header names are trimmed: ESCU's dynamic_dns_providers_local.csv is "dynamic_dns_domains, isDynDNS_local"
  // and its macro asks for isDynDNS_local (Splunk's own trimming is undocumented).
  const fields = header.cells.map((f) => f.trim());
  const seen = new Set<string>();
  fields.forEach((f) => {
    if (f === "") problems.push({ file, line: header.line, message: "empty field name in the header" });
    else if (seen.has(f)) problems.push({ file, line: header.line, message: `field "${f}" appears twice in the header (the first is used)` });
    seen.add(f);
  });
  const rows: (string | null)[][] = [];
  for (const r of raw.slice(1)) {
    if (r.cells.length !== fields.length) {
      problems.push({ file, line: r.line, message: `row has ${r.cells.length} field(s), the header has ${fields.length}` });
    }
    rows.push(fields.map((_, i) => {
      const v = r.cells[i];
      return v === undefined || v === "" ? null : v;
    }));
  }
  return { table: { fields, rows }, problems };
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A lookup table as CSV text (LF line ends, quoting only where needed). A table without fields is
 * the zero-length file `outputlookup create_empty=true` makes (SPL Search Reference, outputlookup).
 */
export function formatCsv(table: LookupTable): string {
  if (table.fields.length === 0) return "";
  const lines = [table.fields.map(quote).join(",")];
  for (const r of table.rows) lines.push(r.map((v) => (v === null ? "" : quote(v))).join(","));
  return `${lines.join("\n")}\n`;
}
