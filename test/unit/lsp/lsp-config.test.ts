/**
 * The server's configuration: initializationOptions added to the command line's options
 * (table-driven), a relative path taken from the workspace root, and macros reloaded when a macro
 * file is saved.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withInitOptions } from "../../../src/lsp/lsp-options.js";
import { fileUri, inProcessServer } from "./lsp-client.js";

const base = { macros: ["/cli/macros"], data: ["/cli/data"] };

describe("withInitOptions", () => {
  it.each([
    { init: undefined, macros: ["/cli/macros"], data: ["/cli/data"], warnings: [] },
    { init: { macros: "m/" }, macros: ["/cli/macros", "/ws/m"], data: ["/cli/data"], warnings: [] },
    { init: { escu: "/sc", macros: ["/abs.conf"], data: ["logs"] }, macros: ["/cli/macros", "/sc/macros", "/abs.conf"], data: ["/cli/data", "/ws/logs"], warnings: [] },
    { init: { macros: [1] }, macros: ["/cli/macros"], data: ["/cli/data"], warnings: ["initializationOptions.macros: expected a path or a list of paths"] },
    { init: { datas: "x" }, macros: ["/cli/macros"], data: ["/cli/data"], warnings: ["initializationOptions.datas: unknown setting (escu, macros, data, index)"] },
    { init: "x", macros: ["/cli/macros"], data: ["/cli/data"], warnings: ["initializationOptions: expected an object { escu, macros, data, index }"] },
    // An index is one folder, relative to the workspace root like the other paths.
    { init: { index: "idx" }, macros: ["/cli/macros"], data: ["/cli/data"], index: "/ws/idx", warnings: [] },
    { init: { index: ["a", "b"] }, macros: ["/cli/macros"], data: ["/cli/data"], warnings: ["initializationOptions.index: expected the path of an index folder"] },
  ])("$init", ({ init, macros, data, index, warnings }) => {
    const r = withInitOptions(base, init, "/ws");
    expect(r.options).toEqual(index !== undefined ? { macros, data, index } : { macros, data });
    expect(r.warnings).toEqual(warnings);
  });
});

describe("paths that are not there", () => {
  it("a macro path is logged, and searches still expand the built-in macros", async () => {
    const session = inProcessServer({ macros: ["/no/such/macros"], data: [] });
    try {
      const { client } = session;
      await client.initialize();
      const uri = "file:///virtual/builtin.spl";
      client.open(uri, "| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes", "spl");
      expect(await client.diagnostics(uri)).toEqual([]);
      const logged = await client.notification("window/logMessage", (p) => p.message.includes("/no/such/macros"));
      expect(logged.params).toMatchObject({ message: expect.stringContaining("ENOENT") });
    } finally {
      await session.close();
    }
  });

  it("a data path that is not there: the run says so", async () => {
    const session = inProcessServer({ macros: [], data: ["/no/such/logs"] });
    try {
      await session.client.initialize();
      const seed = fileUri(resolve("samples/detections/script_execution_via_wmi.yml"));
      const r = await session.client.request("workspace/executeCommand", { command: "minispl.runDetection", arguments: [seed] });
      expect(r.result).toMatchObject({ ok: false, message: expect.stringMatching(/^cannot read the data \(\/no\/such\/logs\)/) });
    } finally {
      await session.close();
    }
  });
});

describe("macros from the workspace", () => {
  const dir = mkdtempSync(join(tmpdir(), "minispl-lsp-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads initializationOptions.macros from the workspace root and reloads a saved macro file", async () => {
    mkdirSync(join(dir, "macros"));
    const file = join(dir, "macros", "ws_macro.yml");
    writeFileSync(file, "name: ws_macro\ndefinition: '| makeresults | statz'\n");
    const session = inProcessServer({ macros: [], data: [] });
    try {
      const { client } = session;
      const init = await client.initialize({ macros: ["macros"] }, fileUri(dir));
      expect(init.error).toBeUndefined();
      const uri = "file:///virtual/ws.spl";
      client.open(uri, "`ws_macro` | head 1", "spl");
      const [d] = await client.diagnostics(uri);
      expect(d.message).toMatch(/^unknown command "statz"\n= in macro ws_macro/);
      // Fixed on disk and saved in the editor: the open documents are checked again.
      writeFileSync(file, "name: ws_macro\ndefinition: '| makeresults | stats count'\n");
      client.notify("textDocument/didOpen", { textDocument: { uri: fileUri(file), languageId: "yaml", version: 1, text: "" } });
      client.notify("textDocument/didSave", { textDocument: { uri: fileUri(file) } });
      const again = await client.notification("textDocument/publishDiagnostics", (p) => p.uri === uri && p.diagnostics.length === 0);
      expect(again.params).toMatchObject({ uri, diagnostics: [] });
      const empty = "file:///virtual/empty.spl";
      client.open(empty, "  \n", "spl");
      expect(await client.diagnostics(empty)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
