/**
 * Which body grammar a command uses. Almost every command uses the generic shape; only these
 * need a full expression language in their body. Kept here (not in the command registry) so the
 * parser does not depend on the back end.
 */
export type CommandSyntax = "generic" | "search" | "eval" | "expr";

const SYNTAX: Readonly<Record<string, CommandSyntax>> = {
  search: "search",
  eval: "eval",
  where: "expr",
};

export function commandSyntax(name: string): CommandSyntax {
  return SYNTAX[name.toLowerCase()] ?? "generic";
}
