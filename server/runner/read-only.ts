import type { Words } from "./shell-words";

// Which simple commands only read. An option that writes a file, runs another program or
// changes the system is refused in every spelling the program takes: inside a cluster of short
// options (`sort -ro FILE`) and under any abbreviation of a long one (`git diff --out=FILE`).

interface Rule {
  /** Short option letters refused alone or inside a cluster. */
  short?: string;
  /** Long option names refused, abbreviated or not. */
  long?: string[];
  /** Words refused as they are (find's actions). */
  exact?: string[];
  /** When set, every argument must match it (the listing forms of git branch and remote). */
  only?: RegExp;
}

const PLAIN: Rule = {};
const PLAIN_COMMANDS = [
  "ls", "cat", "head", "tail", "grep", "egrep", "fgrep", "wc", "pwd", "echo", "printf", "stat", "du", "df", "which",
  "whoami", "realpath", "dirname", "basename", "cut", "tr", "diff", "cmp", "nl", "true", "uname", "id", "printenv",
  "test", "[",
];
const COMMANDS: Record<string, Rule> = {
  ...Object.fromEntries(PLAIN_COMMANDS.map((c) => [c, PLAIN])),
  rg: { long: ["pre", "hostname-bin"] },
  tree: { short: "oR" },
  sort: { short: "o", long: ["output", "compress-program"] },
  file: { short: "C", long: ["compile"] },
  date: { short: "s", long: ["set"] },
  find: { exact: ["-exec", "-execdir", "-ok", "-okdir", "-delete", "-fprint", "-fprint0", "-fprintf", "-fls"] },
};

const DIFF_RULE: Rule = { long: ["output", "ext-diff", "textconv"] };
const GIT_COMMANDS: Record<string, Rule> = {
  status: PLAIN, "ls-files": PLAIN, "rev-parse": PLAIN, blame: PLAIN, describe: PLAIN, shortlog: PLAIN, "ls-tree": PLAIN,
  diff: DIFF_RULE, log: DIFF_RULE, show: DIFF_RULE,
  grep: { short: "O", long: ["open-files-in-pager", "textconv"] },
  "cat-file": { long: ["textconv", "filters"] },
  branch: {
    only: /^(-[arvl]+|--(list|all|remotes|verbose|show-current|ignore-case|column|no-column|no-color|color)|--(color|sort|format|contains|no-contains|merged|no-merged|points-at)=.+)$/,
  },
  remote: { only: /^(-v|--verbose)$/ },
};
/** Options before git's subcommand that change nothing; any other (-c, --config-env, -C, --exec-path, …) is refused. */
const GIT_GLOBAL = new Set(["--no-pager", "-P"]);

const ruleOf = (table: Record<string, Rule>, name: string | undefined): Rule | undefined =>
  name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;

function refuses(rule: Rule, arg: string): boolean {
  if (rule.only) return !rule.only.test(arg);
  if (rule.exact?.includes(arg)) return true;
  if (arg.startsWith("--")) {
    const name = arg.slice(2).split("=")[0]!;
    return name !== "" && (rule.long ?? []).some((long) => long.startsWith(name));
  }
  return arg.startsWith("-") && [...(rule.short ?? "")].some((letter) => arg.slice(1).includes(letter));
}

function gitReadsOnly(args: string[]): boolean {
  const at = args.findIndex((a) => !GIT_GLOBAL.has(a));
  const rule = at < 0 ? undefined : ruleOf(GIT_COMMANDS, args[at]);
  return rule !== undefined && !args.slice(at + 1).some((a) => refuses(rule, a));
}

export function readsOnly([command, ...args]: Words): boolean {
  if (command === "git") return gitReadsOnly(args);
  const rule = ruleOf(COMMANDS, command);
  return rule !== undefined && !args.some((a) => refuses(rule, a));
}
