/**
 * The classic `Label_Name` fields ESCU searches over Windows events (`Logon_Type`, `Account_Name`,
 * `Caller_User_Name`, `Service_File_Name`, `Task_Name`, …: 17 to 29 detections each). In classic
 * WinEventLog text they come from the Message labels (cim-mapping.md §3.2); for XmlWinEventLog the
 * Windows add-on provides them as aliases of the `<Data Name=…>` items. The add-on's alias list is
 * not published in full (UNVERIFIED); this table maps each label ESCU uses to the XML name that
 * carries the same value in the event's schema. An alias never overwrites a field the event has.
 */
import { get, setIfAbsent, type Fields } from "./fields.js";

/** Classic label → XML Data names, first present wins. */
const ALIASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Logon_Type", ["LogonType"]],
  ["Logon_ID", ["TargetLogonId", "SubjectLogonId"]],
  ["Caller_User_Name", ["SubjectUserName"]],
  ["Caller_Domain", ["SubjectDomainName"]],
  ["Target_User_Name", ["TargetUserName"]],
  ["Target_Domain", ["TargetDomainName"]],
  ["Security_ID", ["TargetUserSid", "SubjectUserSid"]],
  ["Process_Name", ["ProcessName", "NewProcessName"]],
  ["Process_ID", ["ProcessId", "NewProcessId"]],
  ["New_Process_Name", ["NewProcessName"]],
  ["Creator_Process_Name", ["ParentProcessName"]],
  ["Process_Command_Line", ["CommandLine"]],
  ["Service_Name", ["ServiceName"]],
  ["Service_File_Name", ["ImagePath"]],
  ["Service_Type", ["ServiceType"]],
  ["Service_Start_Type", ["StartType"]],
  ["Service_Account", ["AccountName"]],
  ["Task_Name", ["TaskName"]],
  ["Task_Content", ["TaskContent"]],
  ["Object_Name", ["ObjectName"]],
  ["Object_Type", ["ObjectType"]],
  ["Object_Server", ["ObjectServer"]],
  ["Access_Mask", ["AccessMask"]],
  ["Accesses", ["AccessList"]],
  ["Share_Name", ["ShareName"]],
  ["Share_Path", ["ShareLocalPath"]],
  ["Relative_Target_Name", ["RelativeTargetName"]],
  ["Source_Network_Address", ["IpAddress"]],
  ["Source_Port", ["IpPort"]],
  ["Client_Address", ["IpAddress"]],
  ["Workstation_Name", ["WorkstationName"]],
  ["Authentication_Package", ["AuthenticationPackageName"]],
  ["Logon_Process", ["LogonProcessName"]],
  ["Ticket_Options", ["TicketOptions"]],
  ["Ticket_Encryption_Type", ["TicketEncryptionType"]],
  ["Service_ID", ["ServiceSid"]],
  ["Group_Name", ["TargetUserName"]],
  ["Group_Domain", ["TargetDomainName"]],
  ["Member_ID", ["MemberSid"]],
  ["Member_Name", ["MemberName"]],
  ["Old_Value", ["OldValue"]],
  ["New_Value", ["NewValue"]],
  ["Object_Value_Name", ["ObjectValueName"]],
  ["Failure_Reason", ["FailureReason"]],
  ["Status", ["Status"]],
  ["Sub_Status", ["SubStatus"]],
];

/** `Account_Name` is multivalue in classic events: the subject's, then the target's (§3.2). */
function accountName(f: Fields): void {
  if (f.Account_Name !== undefined) return;
  const names = [get(f, "SubjectUserName"), get(f, "TargetUserName")].filter((v): v is string => v !== undefined);
  if (names.length === 1) f.Account_Name = names[0] as string;
  else if (names.length > 1) f.Account_Name = names;
}

export function windowsLabelAliases(f: Fields): void {
  for (const [label, sources] of ALIASES) {
    const from = sources.find((s) => get(f, s) !== undefined);
    if (from) setIfAbsent(f, label, get(f, from));
  }
  accountName(f);
}
