import type { CommandAction } from "../generated/codex-protocol/v2/CommandAction";
import type { Environment } from "../generated/prisma/client";
import { readsOnly } from "./read-only";
import { splitCommands, unwrapShell } from "./shell-words";

// Auto-approval policy of an environment: read-only commands and allowlisted prefixes. Anything
// the parser is unsure about is NOT read-only: a false "no" costs a click, a false "yes" runs a
// write nobody approved.

/** True when every command of a `;`, `&&`, `||` or `|` chain only reads. */
export function isReadOnlyCommand(command: string): boolean {
  const commands = splitCommands(unwrapShell(command));
  return commands !== null && commands.every(readsOnly);
}

/**
 * Codex's own parse of the command (`commandActions`, best effort "for friendly display") never
 * grants: every action it found must be read-only by our rules too, so a command the two
 * parsers read differently is asked about.
 */
const codexAgrees = (actions: CommandAction[] | undefined) => (actions ?? []).every((a) => isReadOnlyCommand(a.command));

/** An allowlisted prefix matches one simple command that starts with it (word-wise). */
export function matchesPrefix(command: string, prefixes: string[]): boolean {
  const commands = splitCommands(unwrapShell(command));
  if (commands?.length !== 1) return false;
  const words = commands[0]!;
  return prefixes.some((prefix) => {
    const p = splitCommands(prefix);
    return p?.length === 1 && p[0]!.every((w, i) => words[i] === w);
  });
}

export function autoApproves(
  environment: Pick<Environment, "autoApproveReadOnly" | "autoApprovePrefixes">,
  request: { kind: "command" | "fileChange"; command?: string; commandActions?: CommandAction[] },
): boolean {
  if (request.kind !== "command" || !request.command) return false;
  if (environment.autoApproveReadOnly && isReadOnlyCommand(request.command) && codexAgrees(request.commandActions)) return true;
  return matchesPrefix(request.command, environment.autoApprovePrefixes);
}
