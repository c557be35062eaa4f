/**
 * Entry of the bench's child processes: `node --expose-gc dist/bench/task.js <task> <json args>`
 * runs one task and writes its result as one JSON line on stdout. Each measurement runs in its
 * own process so its peak RSS and its "cold" start are its own, not the bench's.
 */
import { detectTask } from "./detect-task.js";
import { escuTask } from "./escu-task.js";
import { indexTask } from "./index-task.js";
import { memoryTask } from "./memory-task.js";
import { queryTask } from "./query-task.js";
import type { TaskMap, TaskName } from "./task-map.js";
import { xmlAnchorTask } from "./xml-anchor-task.js";

const TASKS: { [K in TaskName]: (a: TaskMap[K][0]) => TaskMap[K][1] | Promise<TaskMap[K][1]> } = {
  index: indexTask,
  memory: memoryTask,
  query: queryTask,
  detect: detectTask,
  escu: escuTask,
  "xml-anchor": xmlAnchorTask,
  // Loaded only for its own task: DuckDB and chDB must not add to the other tasks' cold starts.
  chdb: async (a) => (await import("./chdb-task.js")).chdbTask(a),
};

const [name, json] = process.argv.slice(2);
if (!name || !(name in TASKS) || json === undefined) {
  process.stderr.write(`usage: task.js <${Object.keys(TASKS).join("|")}> <json args>\n`);
  process.exit(2);
}
const run = TASKS[name as TaskName] as (a: unknown) => unknown;
const result = await run(JSON.parse(json) as unknown);
process.stdout.write(`${JSON.stringify(result)}\n`);
