/**
 * Registry of one command group (see ast/commands-stream.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { StreamCommand } from "../ast/commands-stream.js";
import type { CommandDef } from "./types.js";

export const STREAM_COMMANDS: { readonly [K in StreamCommand["kind"]]: CommandDef<K> } = {};
