// `minispl fields` "from" column on the shipped samples (samples/data/), and `--mapping` for
// `fields` and `ingest` on a JSON-lines file no adapter knows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli.js";

interface FieldsJson {
  target: string;
  events: number;
  fields: { field: string; count: number; example: unknown; from: string }[];
}

async function fields(args: readonly string[]): Promise<Map<string, string>> {
  const r = await runCli(["fields", ...args, "--format", "json"]);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout) as FieldsJson;
  expect(out.events).toBeGreaterThan(0);
  return new Map(out.fields.map((f) => [f.field, f.from]));
}

describe("minispl fields: from", () => {
  it("says whether a dataset field is calculated by the CIM model or an event field", async () => {
    const from = await fields(["Endpoint.Processes", "--data", "samples/data/"]);
    expect(from.get("Processes.process_name")).toBe("calculated (CIM)");
    expect(from.get("Processes.process_path")).toBe("event field process_path");
    expect(from.get("host")).toBe("event field host");
  });

  it("classifies XML fields as EventData or System, and the rest as metadata or add-on", async () => {
    const from = await fields(["XmlWinEventLog", "--data", "samples/data/security.xml", "samples/data/sysmon.xml"]);
    expect(from.get("NewProcessName")).toBe("EventData NewProcessName");
    expect(from.get("Image")).toBe("EventData Image");
    expect(from.get("Computer")).toBe("System Computer");
    expect(from.get("EventID")).toBe("System EventID");
    expect(from.get("SystemTime")).toBe("System SystemTime");
    for (const m of ["_time", "_raw", "host", "source", "sourcetype", "index", "eventtype", "tag"]) expect(from.get(m)).toBe("metadata");
    expect(from.get("process_name")).toBe("add-on (search-time)");
    expect(from.get("EventCode")).toBe("add-on (search-time)");
  });

  it("classifies JSON keys (top-level and labels inside Message), per input format", async () => {
    const fdr = await fields(["crowdstrike:events:sensor", "--data", "samples/data/crowdstrike-fdr.json"]);
    expect(fdr.get("ImageFileName")).toBe("JSON key");
    expect(fdr.get("process_name")).toBe("add-on (search-time)");
    const nx = await fields(["XmlWinEventLog", "--data", "samples/data/nxlog.json"]);
    expect(nx.get("Image")).toBe("JSON key");
    expect(nx.get("Account_Name")).toBe("Message label");
    expect(nx.get("Computer")).toBe("add-on (search-time)");
    // XmlWinEventLog from NXLog JSON and from XML: each distinct origin, in input order.
    const both = await fields(["XmlWinEventLog", "--data", "samples/data/nxlog.json", "samples/data/sysmon.xml"]);
    expect(both.get("Image")).toBe("JSON key; EventData Image");
  });

  it("shows the column in table output", async () => {
    const r = await runCli(["fields", "XmlWinEventLog", "--data", "samples/data/security.xml"]);
    expect(r.stdout).toMatch(/\| field\s+\| count\s+\| example\s+\| from\s+\|/);
    expect(r.stdout).toMatch(/\| SubjectUserName\s+\| \d+\s+\| \S+\s+\| EventData SubjectUserName\s+\|/);
  });
});

describe("--mapping for fields and ingest", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "minispl-e2e-fields-"));
    writeFileSync(
      join(dir, "acme.json"),
      '{"ts":1710253325412,"device":"web-01","exe":"cmd.exe","user":{"name":"bob"}}\n{"ts":1710253326412,"device":"web-02","exe":"whoami.exe","user":{"name":"eve"}}\n',
    );
    writeFileSync(join(dir, "acme.yml"), "sourcetype: acme:edr\nsource: acme\nhost: { field: device }\ntime: { field: ts, format: epoch_ms }\nfields: { exe: process_name }\ntags: [process, report]\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fields reads a mapped file (JSON keys, dotted keys, aliases)", async () => {
    const from = await fields(["acme:edr", "--data", join(dir, "acme.json"), "--mapping", join(dir, "acme.yml")]);
    expect(from.get("exe")).toBe("JSON key");
    expect(from.get("user.name")).toBe("JSON key");
    expect(from.get("process_name")).toBe("add-on (search-time)");
    expect(from.get("host")).toBe("metadata");
  });

  it("ingest reads a mapped file", async () => {
    const r = await runCli(["ingest", join(dir, "acme.json"), "--mapping", join(dir, "acme.yml"), "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { events: number; events_by: { sourcetype: string; count: number }[] };
    expect(out.events).toBe(2);
    expect(out.events_by).toEqual([expect.objectContaining({ format: "mapped", source: "acme", sourcetype: "acme:edr", count: 2 })]);
  });

  it("exits 3 on a mapping that cannot be read", async () => {
    for (const cmd of [["ingest", join(dir, "acme.json")], ["fields", "acme:edr", "--data", join(dir, "acme.json")]]) {
      const r = await runCli([...cmd, "--mapping", join(dir, "nope.yml")]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/^error: --mapping .*nope\.yml/);
    }
  });
});
