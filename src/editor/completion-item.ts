/**
 * One completion candidate, the same for the language server, the web UI and the REPL: the label
 * shown, what kind of name it is, a one-line detail, markdown docs and the text to insert when it
 * differs from the label (`lower(`, `Processes.`).
 */
export interface CompletionItem {
  readonly label: string;
  readonly kind: "command" | "function" | "aggregate" | "macro" | "field" | "datamodel" | "keyword";
  readonly detail?: string;
  readonly doc?: string;
  readonly insert?: string;
}
