/**
 * The language server driven in-process with the protocol's own messages (Content-Length framed
 * JSON-RPC over in-memory streams): diagnostics placed in detection YAML files, completion,
 * hover, go-to-definition of macros, the Run detection code lens and command.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileUri, inProcessServer, type LspClient, type Message } from "./lsp-client.js";

const FIX = resolve("test/unit/lsp/fixtures");
const BAD = resolve(FIX, "detections/lab_bad_search.yml");
const SEED = resolve("samples/detections/script_execution_via_wmi.yml");

let session: ReturnType<typeof inProcessServer>;
let client: LspClient;
let initialized: Message;

beforeAll(async () => {
  session = inProcessServer({ macros: [resolve(FIX, "macros"), resolve(FIX, "lab.conf")], data: [resolve("samples/data")] });
  client = session.client;
  initialized = await client.initialize();
});
afterAll(() => session.close());

/** The position of the `n`-th occurrence (0-based) of `needle` in `text`. */
function positionOf(text: string, needle: string, n = 0, plus = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, at + plus).split("\n");
  return { line: before.length - 1, character: (before.at(-1) ?? "").length };
}

describe("initialize", () => {
  it("announces what the server does", () => {
    expect(initialized.result).toMatchObject({
      capabilities: { hoverProvider: true, definitionProvider: true, completionProvider: { triggerCharacters: expect.arrayContaining([".", "`"]) }, executeCommandProvider: { commands: ["minispl.runDetection"] } },
      serverInfo: { name: "minispl" },
    });
  });
});

describe("diagnostics", () => {
  it("lands a detection YAML's bad search on its YAML line and column, with the CLI's message and hint", async () => {
    const text = readFileSync(BAD, "utf8");
    client.open(fileUri(BAD), text, "yaml");
    const [d, ...rest] = await client.diagnostics(fileUri(BAD));
    expect(rest).toEqual([]);
    // Line 10 of the file (0-based 9), after `''x''`, which the search reads as 'x'.
    expect(d.range.start).toEqual(positionOf(text, "statz"));
    expect(d.range.start).toEqual({ line: 9, character: 22 });
    expect(d.range.end).toEqual(positionOf(text, "statz", 0, 5));
    expect(d).toMatchObject({ severity: 1, source: "minispl", code: "unknown-command" });
    expect(d.message).toBe('unknown command "statz"\n= hint: did you mean "stats"?');
    // Rendered as the CLI renders the search: positions in the search text, named `search`.
    expect(d.data.rendered).toMatch(/ --> search:1:\d+\n[\s\S]*\^\^\^\^\^/);
  });

  it("places a problem inside a macro on its call, with the expansion backtrace", async () => {
    const uri = "file:///virtual/broken.spl";
    client.open(uri, "| `lab_broken` | head 1", "spl");
    const [d] = await client.diagnostics(uri);
    expect(d.range).toEqual({ start: { line: 0, character: 2 }, end: { line: 0, character: 14 } });
    expect(d.message).toMatch(/^unknown command "evall"\n= in macro lab_broken, called at \/virtual\/broken\.spl:1:3\n= hint: did you mean "eval"\?$/);
    expect(d.relatedInformation).toEqual([{
      location: { uri: fileUri(resolve(FIX, "macros/lab_broken.yml")), range: { start: { line: 3, character: 6 }, end: { line: 3, character: 16 } } },
      message: "macro lab_broken is defined here",
    }]);
  });

  it("reports nothing for YAML that is not a detection nor for other files, and the YAML error for YAML that does not parse", async () => {
    const lookup = resolve(FIX, "detections/not_a_detection.yml");
    client.open(fileUri(lookup), readFileSync(lookup, "utf8"), "yaml");
    expect(await client.diagnostics(fileUri(lookup))).toEqual([]);
    const conf = "file:///virtual/macros.conf";
    client.open(conf, "[x]\ndefinition = | statz\n", "ini");
    expect(await client.diagnostics(conf)).toEqual([]);
    const broken = "file:///virtual/broken.yml";
    client.open(broken, "name: x\ntype: TTP\nsearch: 'unclosed\n", "yaml");
    const [d] = await client.diagnostics(broken);
    expect(d).toMatchObject({ code: "yaml", severity: 1 });
  });

  it("clears nothing it should not: a good search has no diagnostics", async () => {
    client.open(fileUri(SEED), readFileSync(SEED, "utf8"), "yaml");
    expect(await client.diagnostics(fileUri(SEED))).toEqual([]);
  });
});

describe("completion", () => {
  it("completes Processes. with the Endpoint.Processes fields", async () => {
    const uri = "file:///virtual/complete.spl";
    const text = "| tstats count from datamodel=Endpoint.Processes by Processes.";
    client.open(uri, text, "spl");
    const r = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: text.length } });
    const items = (r.result as { items: any[] }).items;
    const name = items.find((i) => i.label === "Processes.process_name");
    expect(name).toMatchObject({ kind: 5, detail: expect.stringContaining("Endpoint.Processes") });
    expect(name.textEdit.range).toEqual({ start: { line: 0, character: text.indexOf("Processes.") }, end: { line: 0, character: text.length } });
    expect(items.map((i) => i.label)).toContain("Processes.parent_process_name");
    expect(items.every((i) => i.label.startsWith("Processes."))).toBe(true);
  });

  it("completes commands inside a detection's search, the range mapped into the YAML", async () => {
    const text = readFileSync(BAD, "utf8");
    const at = positionOf(text, "statz", 0, 3);
    const r = await client.request("textDocument/completion", { textDocument: { uri: fileUri(BAD) }, position: at });
    const items = (r.result as { items: any[] }).items;
    const stats = items.find((i) => i.label === "stats");
    expect(stats?.textEdit.range).toEqual({ start: positionOf(text, "statz"), end: at });
    expect(stats?.documentation.value).toContain("**stats**");
  });

  it("offers macros after a backtick and nothing outside the search", async () => {
    const uri = "file:///virtual/macros.spl";
    client.open(uri, "`lab_", "spl");
    const r = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 5 } });
    expect((r.result as { items: any[] }).items.map((i) => i.label).sort()).toEqual(["lab_broken", "lab_process", "lab_sysmon"]);
    const outside = await client.request("textDocument/completion", { textDocument: { uri: fileUri(BAD) }, position: { line: 0, character: 3 } });
    expect((outside.result as { items: unknown[] }).items).toEqual([]);
  });
});

describe("completion of loaded fields", () => {
  it("offers the configured data's fields once the background load has logged its end", async () => {
    await client.notification("window/logMessage", (p) => /^loaded \d+ event\(s\) from /.test(p.message));
    const uri = "file:///virtual/fields.spl";
    client.open(uri, "index=main | stats count by Ima", "spl");
    const r = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 31 } });
    expect((r.result as { items: any[] }).items).toContainEqual(expect.objectContaining({ label: "Image", kind: 5, detail: "field of the loaded data" }));
  });
});

describe("hover", () => {
  it("shows a command's docs from the registry", async () => {
    const uri = "file:///virtual/hover.spl";
    client.open(uri, "| makeresults | stats count", "spl");
    const r = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 18 } });
    const h = r.result as { contents: { kind: string; value: string }; range: unknown };
    expect(h.contents.kind).toBe("markdown");
    expect(h.contents.value).toContain("**stats** (command");
    expect(h.range).toEqual({ start: { line: 0, character: 16 }, end: { line: 0, character: 21 } });
  });

  it("shows docs inside a detection's search, the range mapped into the YAML", async () => {
    const text = readFileSync(BAD, "utf8");
    const r = await client.request("textDocument/hover", { textDocument: { uri: fileUri(BAD) }, position: positionOf(text, "eval note", 0, 2) });
    const h = r.result as { contents: { value: string }; range: unknown };
    expect(h.contents.value).toContain("**eval** (command");
    expect(h.range).toEqual({ start: positionOf(text, "eval note"), end: positionOf(text, "eval note", 0, 4) });
  });
});

describe("go to definition", () => {
  it("goes from a macro call in a detection's search to its macros/*.yml file, on its name line", async () => {
    const text = readFileSync(BAD, "utf8");
    const r = await client.request("textDocument/definition", { textDocument: { uri: fileUri(BAD) }, position: positionOf(text, "lab_sysmon", 0, 2) });
    const file = resolve(FIX, "macros/lab_sysmon.yml");
    expect(r.result).toEqual({ uri: fileUri(file), range: { start: { line: 3, character: 6 }, end: { line: 3, character: 16 } } });
    expect(readFileSync(file, "utf8").split("\n")[3]).toBe("name: lab_sysmon");
  });

  it("goes to a macros.conf stanza by name and arity, and nowhere for a generated macro", async () => {
    const uri = "file:///virtual/conf.spl";
    client.open(uri, "| makeresults | `conf_args(x, 1)` | `conf_plain`", "spl");
    const r = await client.request("textDocument/definition", { textDocument: { uri }, position: { line: 0, character: 18 } });
    expect(r.result).toMatchObject({ uri: fileUri(resolve(FIX, "lab.conf")), range: { start: { line: 4, character: 1 } } });
    const text = readFileSync(BAD, "utf8");
    const filter = await client.request("textDocument/definition", { textDocument: { uri: fileUri(BAD) }, position: positionOf(text, "lab_bad_search_filter", 0, 3) });
    expect(filter.result).toBeNull();
  });
});

describe("run detection", () => {
  it("puts a Run detection code lens on a detection's name line", async () => {
    const r = await client.request("textDocument/codeLens", { textDocument: { uri: fileUri(SEED) } });
    const text = readFileSync(SEED, "utf8");
    expect(r.result).toEqual([{ range: { start: { line: positionOf(text, "name: ").line, character: 0 }, end: { line: positionOf(text, "name: ").line, character: 0 } }, command: { title: "▶ Run detection", command: "minispl.runDetection", arguments: [fileUri(SEED)] } }]);
  });

  it("runs the detection on the configured data: the result count, also as a message", async () => {
    const r = await client.request("workspace/executeCommand", { command: "minispl.runDetection", arguments: [fileUri(SEED)] });
    expect(r.result).toMatchObject({ ok: true, detection: "Script Execution via WMI", results: 3, verdict: "pass" });
    expect((r.result as { rows: { process_name: string }[] }).rows.map((x) => x.process_name)).toEqual(["scrcons.exe", "scrcons.exe", "scrcons.exe"]);
    const shown = await client.notification("window/showMessage", (p) => p.message.startsWith("Script Execution via WMI: 3 results"));
    expect(shown.params).toMatchObject({ type: 3 });
  });

  it("says why a run cannot happen: an unknown command, a file that is not there", async () => {
    const other = await client.request("workspace/executeCommand", { command: "minispl.nope", arguments: [] });
    expect(other.error?.message).toContain("unknown command minispl.nope");
    const missing = await client.request("workspace/executeCommand", { command: "minispl.runDetection", arguments: ["file:///no/such/detection.yml"] });
    expect(missing.result).toMatchObject({ ok: false, message: "cannot read /no/such/detection.yml" });
  });
});
