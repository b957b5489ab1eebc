import type { RpcErrorBody } from "./rpc-types";

export interface CodexExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the process wrote to stderr (ANSI colours removed). */
  stderrTail: string[];
  /** Set when the process could not be spawned or its pipes failed. */
  error?: Error;
}

export type CodexPeerErrorKind = "rpc" | "timeout" | "exited";

/** Why a request to the app-server failed: an error response, no answer in time, or no process. */
export class CodexPeerError extends Error {
  constructor(
    readonly kind: CodexPeerErrorKind,
    message: string,
    readonly details: { method?: string; rpc?: RpcErrorBody; exit?: CodexExit } = {},
  ) {
    super(message);
    this.name = "CodexPeerError";
  }
}

export function describeExit(exit: CodexExit): string {
  const how = exit.error ? `failed: ${exit.error.message}` : exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  const last = exit.stderrTail.at(-1);
  return `codex app-server ${how}${last ? ` (last stderr: ${last})` : ""}`;
}
