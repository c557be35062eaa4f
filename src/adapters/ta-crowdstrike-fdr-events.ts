/**
 * The Splunk Add-on for CrowdStrike FDR's eventtypes (cim-mapping.md §4.3): one per
 * `event_simpleName`, `sourcetype="crowdstrike:events:sensor" AND event_simpleName="<Name>"`,
 * tagged for its datamodel. Names and tags are FDR32's `eventtype_to_datamodel.csv` (TA 3.2.0,
 * elegint-dev/reach-fdr @ 09c50a6); minispl carries the rows for the datasets it maps fields for:
 * Endpoint.Processes, Ports, Filesystem, Registry and Network_Resolution.DNS.
 */
import { get } from "./fields.js";
import { eqi, type EventtypeDef } from "./eventtypes.js";

const PROCESS = ["process", "report"];
const PORT = ["listening", "port"];
const FILESYSTEM = ["endpoint", "filesystem"];
const REGISTRY = ["endpoint", "registry"];
const DNS = ["dns", "network", "resolution"];

/** [event_simpleName, eventtype, tags] from FDR32. */
const ROWS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ["ProcessRollup2", "crowdstrike_process_rollup2", PROCESS],
  ["SyntheticProcessRollup2", "crowdstrike_synthetic_process_rollup2", PROCESS],
  ["EndOfProcess", "crowdstrike_end_of_process", PROCESS],
  ["ProcessRollup2Stats", "crowdstrike_process_rollup2_stats", PROCESS],
  ["ProcessBlocked", "crowdstrike_process_blocked", PROCESS],
  ["CommandHistory", "crowdstrike_command_history", PROCESS],
  ["DriverLoad", "crowdstrike_driver_load", PROCESS],
  ["ImageHash", "crowdstrike_image_hash", PROCESS],
  ["InjectedThread", "crowdstrike_injected_thread", PROCESS],
  ["KernelModeLoadImage", "crowdstrike_kernel_mode_load_image", PROCESS],
  ["PrivilegedProcessHandleFromUnsignedModule", "crowdstrike_privileged_process_handle_from_unsigned_module", PROCESS],
  ["ScreenshotTakenEtw", "crowdstrike_screenshot_taken_etw", PROCESS],
  ["WmiCreateProcess", "crowdstrike_wmi_create_process", PROCESS],
  ["NetworkConnectIP4", "crowdstrike_network_connect_ip4", PORT],
  ["NetworkConnectIP6", "crowdstrike_network_connect_ip6", PORT],
  ["NetworkListenIP4", "crowdstrike_network_listen_ip4", PORT],
  ["NetworkListenIP6", "crowdstrike_network_listen_ip6", PORT],
  ["NetworkCloseIP4", "crowdstrike_network_close_ip4", PORT],
  ["NetworkCloseIP6", "crowdstrike_network_close_ip6", PORT],
  ["NetworkReceiveAcceptIP4", "crowdstrike_network_receive_accept_ip4", PORT],
  ["NetworkReceiveAcceptIP6", "crowdstrike_network_receive_accept_ip6", PORT],
  ["DnsRequest", "crowdstrike_dns_request", DNS],
  ["CriticalFileAccessed", "crowdstrike_critical_file_accessed", FILESYSTEM],
  ["DirectoryCreate", "crowdstrike_directory_create", FILESYSTEM],
  ["DmpFileWritten", "crowdstrike_dmp_file_written", FILESYSTEM],
  ["ELFFileWritten", "crowdstrike_elf_file_written", FILESYSTEM],
  ["ExecutableDeleted", "crowdstrike_executable_deleted", FILESYSTEM],
  ["FileCreateInfo", "crowdstrike_file_create_info", FILESYSTEM],
  ["FileOpenInfo", "crowdstrike_file_open_info", FILESYSTEM],
  ["FsVolumeMounted", "crowdstrike_fs_volume_mounted", FILESYSTEM],
  ["LFODownloadConfirmation", "crowdstrike_lfo_download_confirmation", FILESYSTEM],
  ["NewExecutableWritten", "crowdstrike_new_executable_written", FILESYSTEM],
  ["NewScriptWritten", "crowdstrike_new_script_written", FILESYSTEM],
  ["PackedExecutableWritten", "crowdstrike_packed_executable_written", FILESYSTEM],
  ["PeFileWritten", "crowdstrike_pe_file_written", FILESYSTEM],
  ["PeVersionInfo", "crowdstrike_pe_version_info", FILESYSTEM],
  ["RarFileWritten", "crowdstrike_rar_file_written", FILESYSTEM],
  ["RemovableMediaVolumeMounted", "crowdstrike_removable_media_volume_mounted", FILESYSTEM],
  ["AsepKeyUpdate", "crowdstrike_asep_key_update", REGISTRY],
  ["AsepValueUpdate", "crowdstrike_asep_value_update", REGISTRY],
];

/** event_simpleName → the dataset family whose fields ta-crowdstrike-fdr-objects.ts maps. */
export type FdrFamily = "process" | "port" | "filesystem" | "registry" | "dns";

const FAMILY: ReadonlyMap<readonly string[], FdrFamily> = new Map<readonly string[], FdrFamily>([
  [PROCESS, "process"],
  [PORT, "port"],
  [FILESYSTEM, "filesystem"],
  [REGISTRY, "registry"],
  [DNS, "dns"],
]);

export const FDR_FAMILIES: ReadonlyMap<string, FdrFamily> = new Map(ROWS.map(([name, , tags]) => [name, FAMILY.get(tags)!]));

export const FDR_EVENTTYPES: readonly EventtypeDef[] = ROWS.map(([simpleName, name, tags]) => ({
  name,
  tags,
  matches: (f) => eqi(f.sourcetype, "crowdstrike:events:sensor") && get(f, "event_simpleName") === simpleName,
}));
