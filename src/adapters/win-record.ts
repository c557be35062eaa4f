/**
 * The format-neutral shape of one Windows event. The XML scanner and the NXLog JSON normaliser
 * both produce a WinRecord, and `winEvent` turns it into store input by running the same add-on
 * emulation, so a Sysmon EID 1 gives the same CIM fields whichever file format it came in.
 */
import type { Fields } from "./fields.js";

export interface WinRecord {
  /** The record text as indexed (`_raw`). */
  readonly raw: string;
  /** `<EventID>` text; becomes EventCode. */
  readonly eventId: string;
  /** `<Channel>` text; `source` defaults to `XmlWinEventLog:<Channel>`. */
  readonly channel: string;
  /**
   * `<System>` fields named as Splunk_TA_windows extracts them: element text by tag name
   * (EventID, Version, Level, Task, Opcode, Keywords, EventRecordID, Channel, Computer, …) and
   * attributes by attribute name **with their single quotes kept** (ProcessID=`'2888'`,
   * UserID=`'S-1-5-18'`, Name, Guid, SystemTime; cim-mapping.md §2.1).
   */
  readonly system: Fields;
  /** `<EventData><Data Name='X'>` items by name (repeated names are multivalue). */
  readonly data: Fields;
  /** Block fields (EventData_Xml, UserData_Xml) and a rendered `Message` when the source has one. */
  readonly extra: Fields;
  /** `<TimeCreated SystemTime>` without quotes (XML only). */
  readonly systemTime?: string;
  /** Epoch seconds to use when there is no SystemTime (JSON flavours). */
  readonly fallbackTime?: number;
}
