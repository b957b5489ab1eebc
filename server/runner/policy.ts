import type { Environment } from "../generated/prisma/client";

// Auto-approval policy of an environment: read-only commands and allowlisted prefixes. Anything
// the parser here is unsure about is NOT read-only: a false "no" costs a click, a false "yes"
// runs a write nobody approved.

const READ_ONLY = new Set([
  "ls", "cat", "head", "tail", "grep", "egrep", "fgrep", "rg", "wc", "pwd", "echo", "printf", "file", "stat",
  "tree", "du", "df", "which", "whoami", "date", "realpath", "dirname", "basename", "cut", "tr", "diff",
  "cmp", "nl", "true", "uname", "id", "printenv", "test", "[",
]);
const GIT_READ_ONLY = new Set(["status", "log", "diff", "show", "ls-files", "rev-parse", "blame", "grep", "branch", "remote", "describe", "shortlog", "cat-file", "ls-tree"]);
const FIND_WRITERS = /^-(exec|execdir|ok|okdir|delete|fprint|fprint0|fprintf|fls)$/;
/** Shell syntax that can write, run other commands or hide what runs. */
const UNSAFE_SYNTAX = /[`<>]|\$\(|\$\{|\|&|(?<!&)&(?!&)/;

/**
 * Unwraps `bash -lc '…'` / `sh -c "…"` / `bash -lc ls`, as codex reports commands run through a
 * shell (shell-quoted, so an unquoted script is a single word).
 */
export function unwrapShell(command: string): string {
  const m = command.trim().match(/^(?:\/(?:usr\/)?bin\/)?(?:bash|sh|zsh)\s+-l?c\s+([\s\S]+)$/);
  if (!m) return command.trim();
  const script = m[1]!;
  const quoted = script.match(/^(['"])([\s\S]*)\1$/);
  if (quoted) return quoted[2]!;
  return /\s/.test(script) ? command.trim() : script;
}

function words(segment: string): string[] {
  return segment.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/^['"]|['"]$/g, ""));
}

function isReadOnlySimple(segment: string): boolean {
  const [cmd, ...args] = words(segment);
  if (!cmd) return false;
  if (cmd === "find") return !args.some((a) => FIND_WRITERS.test(a));
  if (cmd === "sort") return !args.some((a) => a === "-o" || a.startsWith("--output"));
  if (cmd === "rg") return !args.some((a) => a.startsWith("--pre"));
  if (cmd === "git") {
    const sub = args.find((a) => !a.startsWith("-"));
    if (!sub || !GIT_READ_ONLY.has(sub)) return false;
    if (args.some((a) => a.startsWith("--output") || a === "-D" || a === "-d" || a === "-m" || a === "-M")) return false;
    if ((sub === "branch" || sub === "remote") && args.filter((a) => !a.startsWith("-")).length > 1) return false;
    return true;
  }
  return READ_ONLY.has(cmd);
}

/** True when every command of a `;`, `&&`, `||` or `|` chain only reads. */
export function isReadOnlyCommand(command: string): boolean {
  const script = unwrapShell(command);
  if (!script || UNSAFE_SYNTAX.test(script) || script.includes("\n")) return false;
  return script.split(/&&|\|\||;|\|/).every(isReadOnlySimple);
}

/** An allowlisted prefix matches one simple command that starts with it (word-wise). */
export function matchesPrefix(command: string, prefixes: string[]): boolean {
  const script = unwrapShell(command);
  if (!script || UNSAFE_SYNTAX.test(script) || /&&|\|\||;|\||\n/.test(script)) return false;
  const cmdWords = words(script);
  return prefixes.some((prefix) => {
    const p = words(prefix);
    return p.length > 0 && p.every((w, i) => cmdWords[i] === w);
  });
}

export function autoApproves(
  environment: Pick<Environment, "autoApproveReadOnly" | "autoApprovePrefixes">,
  request: { kind: "command" | "fileChange"; command?: string },
): boolean {
  if (request.kind !== "command" || !request.command) return false;
  if (environment.autoApproveReadOnly && isReadOnlyCommand(request.command)) return true;
  return matchesPrefix(request.command, environment.autoApprovePrefixes);
}
