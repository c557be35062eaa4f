/**
 * Macros every ESCU search relies on, built in so a bare checkout runs them. Definitions are those of
 * ESCU's macros/*.yml and Splunk_SA_CIM's macros.conf (escu-corpus.md §12, spl-semantics.md §4).
 */
import { MacroTable, type MacroDef } from "./macro-table.js";

const builtin = (name: string, definition: string, args: string[] = []): MacroDef => ({
  name,
  args,
  definition,
  origin: "builtin",
});

export const BUILTIN_MACROS: readonly MacroDef[] = [
  builtin(
    "security_content_summariesonly",
    "summariesonly=`summariesonly_config` allow_old_summaries=`oldsummaries_config` fillnull_value=`fillnull_config`",
  ),
  builtin("summariesonly_config", "false"),
  builtin("oldsummaries_config", "true"),
  builtin("fillnull_config", "null"),
  builtin("security_content_ctime", 'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)', ["field"]),
  // Splunk_SA_CIM default/macros.conf [drop_dm_object_name(1)].
  builtin("drop_dm_object_name", 'rename "$object$.*" as *', ["object"]),
];

/** A fresh table holding the builtins. */
export function builtinMacros(): MacroTable {
  return new MacroTable(BUILTIN_MACROS);
}
