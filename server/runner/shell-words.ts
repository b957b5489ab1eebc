import { parse } from "shell-quote";

// Splits a shell command into simple commands with shell-quote, or null when the command holds
// anything whose effect we cannot prove harmless: substitutions, variables, redirections other
// than to /dev/null, subshells, background jobs, comments, globs or brace expansions that could
// produce an option, and the syntax shell-quote reads differently from bash.

/** One simple command: its words after quote removal, as the program receives them. */
export type Words = string[];

const CHAINS = new Set(["&&", "||", ";", "|"]);
/** Newlines and control characters, backticks, $'…' and $"…": bash reads these, shell-quote does not. */
const UNPARSED = /[\x00-\x08\x0a-\x1f\x7f`]|\$['"]/;
const BRACE_EXPANSION = /\{[^{}]*(,|\.\.)[^{}]*\}/;
/** A bracket expression at the start of a word is a glob (`[-]o` may match a file `-o`) shell-quote leaves as text. */
const LEADING_BRACKET = /^\[.*\]/;
const SHELL = /^(?:\/(?:usr\/)?bin\/)?(?:bash|sh|zsh)$/;

const VARIABLE = { variable: true } as const;
type Entry = ReturnType<typeof parse<typeof VARIABLE>>[number];

/** A glob whose expansions all start with the same literal character, not `-`, adds no option. */
const harmlessGlob = (pattern: string) => /^[^-*?[\\]/.test(pattern);

function safeRedirect(op: string, target: Entry | undefined): boolean {
  if (op === ">&") return target === "1" || target === "2";
  return (op === ">" || op === ">>" || op === "&>") && target === "/dev/null";
}

export function splitCommands(script: string): Words[] | null {
  if (UNPARSED.test(script)) return null;
  const entries = parse(script, () => VARIABLE);
  const commands: Words[] = [[]];
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!;
    const current = commands.at(-1)!;
    if (typeof entry === "string") {
      if (BRACE_EXPANSION.test(entry) || LEADING_BRACKET.test(entry)) return null;
      current.push(entry);
    } else if ("op" in entry && entry.op === "glob") {
      if (!harmlessGlob(entry.pattern)) return null;
      current.push(entry.pattern);
    } else if ("op" in entry && CHAINS.has(entry.op)) {
      commands.push([]);
    } else if ("op" in entry && safeRedirect(entry.op, entries[i + 1])) {
      i += 1;
    } else {
      return null;
    }
  }
  return commands.every((c) => c.length > 0) ? commands : null;
}

/** The script of `bash -lc '…'` / `sh -c …` (how codex reports commands run through a shell), else the command. */
export function unwrapShell(command: string): string {
  const words = UNPARSED.test(command) ? [] : parse(command, () => VARIABLE);
  const [shell, flag, script] = words;
  const wrapped = words.length === 3 && typeof shell === "string" && SHELL.test(shell) && (flag === "-c" || flag === "-lc");
  return wrapped && typeof script === "string" ? script : command.trim();
}
