/**
 * Whether an undefined macro is one of ESCU's (security_content `macros/*.yml`), so its
 * unknown-macro diagnostic can say where definitions come from. Not a copy of ESCU's list (it
 * changes with every release): the naming patterns its macros follow and the data-source macros
 * most detections start with. A miss only costs the hint.
 */

/** Every detection's `<name>_filter`; `security_content_*` helpers; families of similar macros. */
const PATTERNS: readonly RegExp[] = [
  /_filter$/,
  /^security_content_/,
  /^(process|wineventlog|previously_seen|previously_unseen|kube|kubernetes|aws|azure|gsuite|gws|o365|stream|zeek|evilginx|linux_auditd|cloudwatch|github|crowdstrike|iis|brand_abuse|ransomware|prohibited|dynamic_dns)_/,
  /^is_\w+_macro$/,
];

/** Data-source macros that do not follow a pattern above. */
const NAMES: ReadonlySet<string> = new Set([
  "sysmon", "powershell", "wineventlog_security", "wineventlog_system", "cloudtrail", "okta", "admon", "applocker",
  "ms_defender", "osquery_process", "windows_shells", "linux_shells", "linux_hosts", "risk_index", "printservice",
  "capi2_operational", "certificateservices_lifecycle", "exchange", "msexchange_management", "ntlm_audit", "wmi",
  "suricata", "zscaler_proxy", "cisco_networks", "pingid", "circleci", "uncommon_processes", "system_network_configuration_discovery_tools",
]);

export function isEscuMacroName(name: string): boolean {
  return NAMES.has(name) || PATTERNS.some((p) => p.test(name));
}

/** The hint of an undefined ESCU macro. */
export function escuMacroHint(name: string): string {
  return `\`${name}\` is an ESCU macro: pass --escu <security_content> or --macros <dir>`;
}
