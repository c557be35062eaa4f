/**
 * Windows Security 4624/4625 → Authentication fields, as cheaply as cim-mapping.md §3.6 allows:
 * the errorcode→action lookup, user/src_user/src/src_ip, and the 9.1.2 authentication_method /
 * authentication_service pair (which variant ESCU's pinned 8.8.0 uses is UNVERIFIED).
 */
import { get, real, set, type Fields } from "./fields.js";

/** `xmlsecurity_eventcode_errorcode_action` rows for 4625 that are not plain `failure`. */
const FAILURE_ACTIONS: Readonly<Record<string, string>> = {
  "0xc000006f": "denied",
  "0xc0000070": "denied",
  "0xc000015b": "denied",
  "0xc0000234": "denied",
  "0xc0000064": "unknown",
  "0xc0000133": "error",
  "0xc0000225": "error",
};
const LOOPBACK = new Set(["::1", "127.0.0.1", "-", ""]);

export function logonFields(f: Fields, code: "4624" | "4625"): void {
  const status = (get(f, "Status") ?? "-").toLowerCase();
  set(f, "action", code === "4624" ? "success" : (FAILURE_ACTIONS[status] ?? "failure"));
  set(f, "user", get(f, "TargetUserName"));
  set(f, "src_user", real(f, "SubjectUserName"));
  set(f, "dest_nt_domain", real(f, "TargetDomainName"));
  set(f, "src_nt_domain", real(f, "SubjectDomainName"));
  const ip = real(f, "IpAddress");
  const workstation = real(f, "WorkstationName");
  // 9.x: 4624 → IpAddress, 4625 → WorkstationName; a `-` falls back to the other (minispl choice).
  set(f, "src", code === "4624" ? (ip ?? workstation) : (workstation ?? ip));
  if (ip !== undefined && !LOOPBACK.has(ip)) set(f, "src_ip", ip);
  set(f, "authentication_method", get(f, "LogonType"));
  set(f, "authentication_service", get(f, "AuthenticationPackageName"));
}
