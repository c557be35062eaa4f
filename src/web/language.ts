/**
 * The search bar's language services: diagnostics, completion and hover from src/editor (through
 * src/index.ts), with what this server loaded as their context: the macros (a detection's
 * `…_filter` macro given contentctl's default, as the search runs it) and the loaded fields.
 */
import { completeAt, hoverAt, searchDiagnostics, type EditorContext, type MacroTable } from "../index.js";
import type { WebCompletion, WebDiagnostic, WebHover } from "./api.js";
import { withDefaultFilters } from "./default-filters.js";

export class LanguageServices {
  constructor(private readonly macros: MacroTable, private fields: readonly string[] = []) {}

  /** The loaded fields, once the engine has loaded the events. */
  setFields(fields: readonly string[]): void {
    this.fields = fields;
  }

  diagnostics(text: string): WebDiagnostic[] {
    return searchDiagnostics(text, this.context(text));
  }

  complete(text: string, offset: number): WebCompletion {
    return completeAt(text, clamp(offset, text), this.context(text));
  }

  hover(text: string, offset: number): WebHover | null {
    return hoverAt(text, clamp(offset, text), this.context(text));
  }

  private context(text: string): EditorContext {
    return { macros: withDefaultFilters(text, this.macros), fields: this.fields };
  }
}

function clamp(offset: number, text: string): number {
  return Math.max(0, Math.min(text.length, Math.trunc(offset)));
}
