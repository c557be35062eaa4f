import { describe, expect, it } from "vitest";
import { EventStore, ingestText, runSearch } from "../../../src/index.js";

const rec4624 = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/><EventID>4624</EventID><Version>2</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2024-06-01T08:00:00.000000000Z'/><EventRecordID>9001</EventRecordID><Correlation/><Execution ProcessID='640' ThreadID='700'/><Channel>Security</Channel><Computer>DC-LAB-01.corp.example</Computer><Security/></System><EventData><Data Name='SubjectUserSid'>S-1-5-18</Data><Data Name='SubjectUserName'>DC-LAB-01$</Data><Data Name='SubjectDomainName'>CORP</Data><Data Name='SubjectLogonId'>0x3e7</Data><Data Name='TargetUserSid'>S-1-5-21-1-2-3-1105</Data><Data Name='TargetUserName'>jdoe</Data><Data Name='TargetDomainName'>CORP</Data><Data Name='TargetLogonId'>0x5f1a2</Data><Data Name='LogonType'>10</Data><Data Name='LogonProcessName'>User32</Data><Data Name='AuthenticationPackageName'>Negotiate</Data><Data Name='WorkstationName'>WS-LAB-22</Data><Data Name='IpAddress'>10.20.30.40</Data><Data Name='IpPort'>50123</Data></EventData></Event>";

describe("classic Windows label aliases (ESCU's Logon_Type, Account_Name, …)", () => {
  const store = new EventStore();
  ingestText(store, rec4624, "logon.xml", {});
  const row = runSearch("index=main | table Logon_Type Account_Name Caller_User_Name Target_User_Name Source_Network_Address Logon_ID Authentication_Package", store).table?.rows()[0];

  it("maps the XML Data names to the label names", () => {
    expect(row).toEqual({
      Logon_Type: "10",
      Account_Name: ["DC-LAB-01$", "jdoe"],
      Caller_User_Name: "DC-LAB-01$",
      Target_User_Name: "jdoe",
      Source_Network_Address: "10.20.30.40",
      Logon_ID: "0x5f1a2",
      Authentication_Package: "Negotiate",
    });
  });

  it("lets raw searches written against classic names match XML events", () => {
    const r = runSearch("index=main EventCode=4624 Logon_Type=10 Account_Name=jdoe | stats count", store);
    expect(r.table?.rows()).toEqual([{ count: 1 }]);
  });
});
