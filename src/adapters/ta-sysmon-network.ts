/**
 * Sysmon TA fields for network connections (EID 3 → Network_Traffic) and DNS queries (EID 22 →
 * Network_Resolution), cim-mapping.md §2.4. Cheap to compute and harmless before those
 * datamodels exist in minispl.
 */
import { get, real, set, type Fields } from "./fields.js";

/** `sysmon-dns-answer-data` with MV_ADD + REPEAT_MATCH over QueryResults. */
const ANSWER = /(type:\s+(\d+)\s+|)([^;]+);/g;

/** The TA's record_type lookup (subset: the common DNS types). */
const RECORD_TYPES: Readonly<Record<string, string>> = {
  "1": "A",
  "2": "NS",
  "5": "CNAME",
  "6": "SOA",
  "12": "PTR",
  "15": "MX",
  "16": "TXT",
  "28": "AAAA",
  "33": "SRV",
  "255": "ANY",
};

export function sysmonNetworkFields(f: Fields): void {
  const destHost = real(f, "DestinationHostname");
  const srcHost = real(f, "SourceHostname");
  const destIp = get(f, "DestinationIp");
  const srcIp = get(f, "SourceIp");
  set(f, "dest", destHost ?? destIp);
  set(f, "dest_ip", destIp);
  set(f, "dest_host", destHost);
  set(f, "dest_port", get(f, "DestinationPort"));
  set(f, "src", srcHost ?? srcIp);
  set(f, "src_ip", srcIp);
  set(f, "dvc_ip", srcIp);
  set(f, "src_host", srcHost);
  set(f, "src_port", get(f, "SourcePort"));
  const transport = get(f, "Protocol");
  set(f, "transport", transport);
  set(f, "protocol", "ip");
  set(f, "protocol_version", get(f, "DestinationIsIpv6") === "true" ? "ipv6" : "ipv4");
  set(f, "direction", get(f, "Initiated") === "true" ? "outbound" : "inbound");
  set(f, "app", get(f, "Image"));
  set(f, "rule", real(f, "RuleName"));
  set(f, "state", "established");
  set(f, "creation_time", get(f, "UtcTime"));
  const port = get(f, "DestinationPort");
  if (transport !== undefined && port !== undefined) set(f, "transport_dest_port", `${transport}/${port}`);
}

export function sysmonDnsFields(f: Fields): void {
  const query = get(f, "QueryName");
  set(f, "query", query);
  if (query !== undefined) set(f, "query_count", "1");
  set(f, "reply_code_id", get(f, "QueryStatus"));
  set(f, "src", get(f, "Computer"));
  const results = get(f, "QueryResults");
  if (results === undefined) return;
  const answers: string[] = [];
  const typeIds: string[] = [];
  for (const m of results.matchAll(ANSWER)) {
    if (m[2] !== undefined) typeIds.push(m[2]);
    if (m[3] !== undefined) answers.push(m[3]);
  }
  if (answers.length > 0) {
    set(f, "answer", answers.length === 1 ? answers[0] : answers);
    set(f, "answer_count", String(answers.length));
  }
  if (typeIds.length > 0) {
    set(f, "record_type_id", typeIds.length === 1 ? typeIds[0] : typeIds);
    const names = typeIds.map((id) => RECORD_TYPES[id]).filter((n): n is string => n !== undefined);
    if (names.length > 0) set(f, "record_type", names.length === 1 ? names[0] : names);
  }
}
