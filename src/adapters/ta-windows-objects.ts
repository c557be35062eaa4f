/**
 * Windows Security 5136 (directory service object modified) → Change, and 5140/5145 (network
 * share accessed / checked) → share fields. cim-mapping.md §1.7 gives the Change fields, but §3.3
 * and §3.6 have no rows for these codes: the mapping is a minispl choice (UNVERIFIED).
 * 5136: object = ObjectDN, object_attrs = AttributeLDAPDisplayName, object_category = ObjectClass,
 * object_id = ObjectGUID, action `modified`, src_user = user = SubjectUserName (CIM Change `user`
 * is the actor for non-account changes). 5140/5145: share_name = ShareName, share_path =
 * ShareLocalPath, object = RelativeTargetName (5145) else ShareName, src/src_ip = IpAddress
 * without `::ffff:`, user = SubjectUserName. dest = Computer (set by the caller).
 */
import { real, set, type Fields } from "./fields.js";
import { stripMappedIpv4 } from "./ta-windows-kerberos.js";

export const OBJECT_CODES = new Set(["5136", "5140", "5145"]);

/** Windows' event titles (the TA's windows_signatures wording is UNVERIFIED). */
const SIGNATURES: Readonly<Record<string, string>> = {
  "5136": "A directory service object was modified",
  "5140": "A network share object was accessed",
  "5145": "A network share object was checked to see whether client can be granted desired access",
};

export function objectAccessFields(f: Fields, code: string): void {
  set(f, "signature", SIGNATURES[code]);
  const subject = real(f, "SubjectUserName");
  set(f, "user", subject);
  set(f, "src_nt_domain", real(f, "SubjectDomainName"));
  if (code === "5136") directoryChange(f, subject);
  else shareAccess(f);
}

function directoryChange(f: Fields, subject: string | undefined): void {
  set(f, "action", "modified");
  set(f, "src_user", subject);
  set(f, "object", real(f, "ObjectDN"));
  set(f, "object_attrs", real(f, "AttributeLDAPDisplayName"));
  set(f, "object_category", real(f, "ObjectClass"));
  set(f, "object_id", real(f, "ObjectGUID"));
}

function shareAccess(f: Fields): void {
  const share = real(f, "ShareName");
  set(f, "share_name", share);
  set(f, "share_path", real(f, "ShareLocalPath"));
  set(f, "object", real(f, "RelativeTargetName") ?? share);
  const ip = stripMappedIpv4(real(f, "IpAddress"));
  set(f, "src", ip);
  set(f, "src_ip", ip);
}
