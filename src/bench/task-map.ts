/** The child-process tasks: name → [arguments, result], shared by task.ts and spawn-task.ts. */
import type { ChdbArgs, ChdbResult } from "./chdb-task.js";
import type { DetectArgs, DetectResult } from "./detect-task.js";
import type { EscuArgs, EscuResult } from "./escu-task.js";
import type { IndexArgs, IndexResult } from "./index-task.js";
import type { MemoryArgs, MemoryResult } from "./memory-task.js";
import type { QueryArgs, QueryResult } from "./query-task.js";
import type { XmlAnchorArgs, XmlAnchorResult } from "./xml-anchor-task.js";

export interface TaskMap {
  index: [IndexArgs, IndexResult];
  memory: [MemoryArgs, MemoryResult];
  query: [QueryArgs, QueryResult];
  detect: [DetectArgs, DetectResult];
  escu: [EscuArgs, EscuResult];
  "xml-anchor": [XmlAnchorArgs, XmlAnchorResult];
  chdb: [ChdbArgs, ChdbResult];
}

export type TaskName = keyof TaskMap;
