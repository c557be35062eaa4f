// CrowdStrike FDR beyond ProcessRollup2 (FDR32 eventtypes and EVALs, see src/adapters/README.md):
// DnsRequest, NetworkConnect/Listen, file and ASEP registry events; and the _time fallback chain
// for events without `timestamp`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore } from "../../../src/store/event-store.js";
import { ingestPaths } from "../../../src/adapters/ingest.js";
import { datasetView } from "../../../src/datamodels/dataset-view.js";
import { findDataset } from "../../../src/datamodels/registry.js";
import { ingest, one } from "./fixtures.js";

const BASE = { aid: "7c1d2e3f4a5b46c7d8e9f0a1b2c3d4e5", cid: "0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5", event_platform: "Win", timestamp: "1709942731120", ContextTimeStamp: "1709942731.004", ContextProcessId: "91234567890", aid_computer_name: "WS-FIN-07" };
const fdr = (o: Record<string, string>): string => JSON.stringify({ ...BASE, ...o });

describe("DnsRequest → Network_Resolution.DNS", () => {
  const ev = one(fdr({ event_simpleName: "DnsRequest", name: "DnsRequestV4", id: "d0c1-77", DomainName: "update.example.net", RequestType: "1", QueryStatus: "0", DnsRequestCount: "1", IP4Records: "198.51.100.7;198.51.100.8;" }));
  it("maps query, answers and record type", () => {
    expect(ev).toMatchObject({
      query: "update.example.net",
      answer: ["198.51.100.7", "198.51.100.8"],
      answer_count: "2",
      record_type: "A",
      reply_code_id: "0",
      message_type: "Query",
      query_count: "1",
      transaction_id: "d0c1-77",
      signature: "DnsRequestV4",
      eventtype: "crowdstrike_dns_request",
      tag: ["dns", "network", "resolution"],
      dest: "WS-FIN-07",
    });
  });
  it("an IPv6 answer makes it AAAA; no records, no answer", () => {
    expect(one(fdr({ event_simpleName: "DnsRequest", DomainName: "x", IP6Records: "2001:db8::1;" }))).toMatchObject({ record_type: "AAAA", answer: "2001:db8::1" });
    const none = one(fdr({ event_simpleName: "DnsRequest", DomainName: "x" }));
    expect(none.answer).toBeUndefined();
    expect(none.answer_count).toBe("0");
  });
});

describe("Network*IP4/6 → Endpoint.Ports", () => {
  it.each([
    ["NetworkConnectIP4", "443", "50122", "established", "10.1.2.3", "crowdstrike_network_connect_ip4"],
    ["NetworkListenIP4", "50122", "443", "listening", "203.0.113.9", "crowdstrike_network_listen_ip4"],
    ["NetworkReceiveAcceptIP6", "50122", "443", "established", "203.0.113.9", "crowdstrike_network_receive_accept_ip6"],
    ["NetworkCloseIP4", "443", "50122", "closed", "10.1.2.3", "crowdstrike_network_close_ip4"],
  ])("%s", (name, dest_port, src_port, state, src, eventtype) => {
    const ev = one(fdr({ event_simpleName: name, LocalAddressIP4: "10.1.2.3", LocalPort: "50122", RemoteAddressIP4: "203.0.113.9", RemotePort: "443", Protocol: "6" }));
    expect(ev).toMatchObject({ dest_port, src_port, state, src, eventtype, transport: "tcp", process_id: "91234567890", creation_time: "1709942731.004", tag: ["listening", "port"] });
  });
});

describe("file events → Endpoint.Filesystem", () => {
  it("PeFileWritten", () => {
    const ev = one(fdr({ event_simpleName: "PeFileWritten", TargetFileName: "\\Device\\HarddiskVolume3\\Users\\p.ng\\AppData\\Local\\Temp\\drop.exe", SHA256HashData: "ab".repeat(32), Size: "73216", UserName: "p.ng" }));
    expect(ev).toMatchObject({
      file_path: "\\Device\\HarddiskVolume3\\Users\\p.ng\\AppData\\Local\\Temp\\drop.exe",
      file_name: "drop.exe",
      file_hash: "ab".repeat(32),
      file_size: "73",
      file_create_time: "1709942731.004",
      file_modify_time: "1709942731.004",
      file_access_time: "1709942731.004",
      user: "p.ng",
      process_id: "91234567890",
      tag: ["endpoint", "filesystem"],
    });
  });
  it("Mac paths split on /; ExecutableDeleted has no hash", () => {
    const ev = one(fdr({ event_simpleName: "ExecutableDeleted", event_platform: "Mac", TargetFileName: "/Users/p/Downloads/tool", SHA256HashData: "cd".repeat(32) }));
    expect(ev).toMatchObject({ file_name: "tool", eventtype: "crowdstrike_executable_deleted" });
    expect(ev.file_hash).toBeUndefined();
  });
});

describe("ASEP registry events → Endpoint.Registry", () => {
  it("AsepValueUpdate", () => {
    const ev = one(fdr({ event_simpleName: "AsepValueUpdate", RegObjectName: "\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run", RegValueName: "Updater", RegStringValue: "C:\\ProgramData\\u.exe", RegType: "1" }));
    expect(ev).toMatchObject({
      registry_path: "\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
      registry_value_data: "C:\\ProgramData\\u.exe",
      registry_value_type: "REG_SZ",
      registry_hive: "HKEY_LOCAL_MACHINE\\Software",
      tag: ["endpoint", "registry"],
    });
  });
  it("AsepKeyUpdate is REG_BINARY; SAM hive", () => {
    expect(one(fdr({ event_simpleName: "AsepKeyUpdate", RegObjectName: "\\REGISTRY\\MACHINE\\SAM\\SAM\\Domains" }))).toMatchObject({ registry_value_type: "REG_BINARY", registry_hive: "HKEY_LOCAL_MACHINE\\SAM" });
  });
  it("registry events the add-on does not tag stay out of datamodels", () => {
    expect(one(fdr({ event_simpleName: "RegGenericValueUpdate", RegObjectName: "\\REGISTRY\\USER\\x" })).tag).toBeUndefined();
  });
});

describe("_time without `timestamp`", () => {
  const pr2 = (o: Record<string, string>): string => JSON.stringify({ event_simpleName: "ProcessRollup2", event_platform: "Win", ImageFileName: "\\Device\\HarddiskVolume2\\Windows\\System32\\cmd.exe", CommandLine: "cmd.exe", ...o });
  it("ProcessStartTime, then ContextTimeStamp, then the previous event's time", () => {
    const text = [pr2({ ProcessStartTime: "1709942731.321" }), pr2({ ContextTimeStamp: "1709942740.5" }), pr2({})].join("\n");
    const { rows, report } = ingest(text);
    expect(report.skipped).toEqual([]);
    expect(rows.map((r) => r._time)).toEqual([1709942731.321, 1709942740.5, 1709942740.5]);
  });
  it("the first event of an in-memory text without any time is skipped", () => {
    const { report } = ingest(`${pr2({})}\n`, {}, "t.json");
    expect(report.skipped).toEqual([{ file: "t.json", line: 1, reason: expect.stringMatching(/^no time field/) }]);
  });

  describe("on disk", () => {
    let dir = "";
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "minispl-fdr-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it("the file's modification time stands in, and the events land in Endpoint.Processes", () => {
      const file = join(dir, "pr2.jsonl");
      writeFileSync(file, `${pr2({})}\n${pr2({ timestamp: "1709942731120" })}\n`);
      utimesSync(file, 1709900000, 1709900000);
      const store = new EventStore();
      const report = ingestPaths(store, [file]);
      expect(report.skipped).toEqual([]);
      expect([store.time(0), store.time(1)]).toEqual([1709900000, 1709942731.12]);
      expect(datasetView(store, findDataset("Endpoint.Processes")!).rows.length).toBe(2);
    });
  });
});
