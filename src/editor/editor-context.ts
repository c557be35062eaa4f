/**
 * What the editor services know beyond the text: the macro definitions a search expands with and
 * the field names of the loaded data. Both optional: without macros the built-ins are used (as the
 * CLI does), without fields completion offers only the registries and the datamodels.
 */
import type { MacroTable } from "../macros/macro-table.js";

export interface EditorContext {
  readonly macros?: MacroTable;
  /** Field names of the loaded data. */
  readonly fields?: readonly string[];
  /** The name diagnostics are rendered with (`query` when absent), e.g. a file path. */
  readonly name?: string;
}
