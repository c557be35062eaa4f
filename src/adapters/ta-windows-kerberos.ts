/**
 * Windows Security 4768/4769/4771 (Kerberos) and 4776 (NTLM credential validation) →
 * Authentication fields. cim-mapping.md §3.3 lists no eventtype and §3.6 no fields for these
 * codes, so everything here is a minispl choice modelled on §3.6's 4624/4625 mapping (UNVERIFIED):
 * action from the result code (`0x0` → success, anything else → failure; 4771 is always a
 * failure), user = TargetUserName without its `@REALM` suffix, src = IpAddress without the
 * IPv4-mapped `::ffff:` prefix (4776: Workstation), src_ip = that address unless loopback,
 * app `win:kerberos` / `win:ntlm`, signature = Windows' event title. dest = Computer is set by the
 * caller for every Security event (§3.6).
 */
import { real, set, type Fields } from "./fields.js";

export const KERBEROS_NTLM_CODES = new Set(["4768", "4769", "4771", "4776"]);

/** Windows' event titles (the TA's windows_signatures lookup wording is UNVERIFIED). */
const SIGNATURES: Readonly<Record<string, string>> = {
  "4768": "A Kerberos authentication ticket (TGT) was requested",
  "4769": "A Kerberos service ticket was requested",
  "4771": "Kerberos pre-authentication failed",
  "4776": "The computer attempted to validate the credentials for an account",
};
const LOOPBACK = new Set(["::1", "127.0.0.1"]);

/** `::ffff:10.0.0.5` → `10.0.0.5` (the IPv4-mapped form Kerberos events record). */
export function stripMappedIpv4(ip: string | undefined): string | undefined {
  return ip?.replace(/^::ffff:/i, "");
}

/** Status (XML), else ResultCode; classic text calls it Result Code / Error Code. */
function resultCode(f: Fields): string | undefined {
  return real(f, "Status") ?? real(f, "ResultCode") ?? real(f, "Result_Code") ?? real(f, "Error_Code");
}

/** Success only for an all-zero hex code (`0x0`, `0x00000000`). */
function actionFor(code: string, status: string | undefined): string | undefined {
  if (code === "4771") return "failure";
  if (status === undefined) return undefined;
  return /^0x0+$/i.test(status) ? "success" : "failure";
}

export function kerberosNtlmFields(f: Fields, code: string): void {
  set(f, "signature", SIGNATURES[code]);
  set(f, "action", actionFor(code, resultCode(f)));
  const target = real(f, "TargetUserName");
  // 4769 names the requester `user@REALM`; CIM user is the account name (UNVERIFIED).
  set(f, "user", target?.replace(/@[^@]*$/, ""));
  set(f, "dest_nt_domain", real(f, "TargetDomainName"));
  if (code === "4776") {
    set(f, "app", "win:ntlm");
    set(f, "src", real(f, "Workstation"));
    set(f, "authentication_service", real(f, "PackageName"));
    return;
  }
  set(f, "app", "win:kerberos");
  set(f, "authentication_service", "Kerberos");
  const ip = stripMappedIpv4(real(f, "IpAddress"));
  set(f, "src", ip);
  if (ip !== undefined && !LOOPBACK.has(ip)) set(f, "src_ip", ip);
}
