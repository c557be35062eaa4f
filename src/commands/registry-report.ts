/**
 * Registry of one command group (see ast/commands-report.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { ReportCommand } from "../ast/commands-report.js";
import { chart } from "./chart.js";
import { fieldsummary } from "./fieldsummary.js";
import type { CommandDef } from "./types.js";

export const REPORT_COMMANDS: { readonly [K in ReportCommand["kind"]]: CommandDef<K> } = { chart, fieldsummary };
