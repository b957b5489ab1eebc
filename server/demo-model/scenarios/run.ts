import { exitCodeOf } from "../conversation";
import type { Scenario, ScenarioContext, Step } from "../scenario";

// Hostile-tenant tests: "/scenario run\ncat /etc/shadow" runs exactly the second line and reports
// what happened in a closing message whose first line `runExitCode` reads back.

export const RUN_QUOTE_CHARS = 2000;
const RAN = /^The command exited with code (-?\d+)\./;

/** The prompt's second line, verbatim; null when there is none or it is blank. */
export function runCommandOf(prompt: string): string | null {
  const line = prompt.split("\n")[1]?.replace(/\r$/, "");
  return line?.trim() ? line : null;
}

/** The exit code stated by a `run` closing message; null when the command did not run. */
export function runExitCode(message: string): number | null {
  const match = RAN.exec(message);
  return match ? Number(match[1]) : null;
}

/** A fenced block whose fence is longer than any backtick run inside it. */
function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}\n${text}${text.endsWith("\n") || text === "" ? "" : "\n"}${fence}`;
}

/** The command's own output (after codex's "Output:" header), or codex's whole answer. */
function quote(toolOutput: string): string {
  const at = toolOutput.indexOf("Output:\n");
  const output = at >= 0 ? toolOutput.slice(at + "Output:\n".length) : toolOutput;
  if (output.length <= RUN_QUOTE_CHARS) return fenced(output);
  const head = output.slice(0, RUN_QUOTE_CHARS).replace(/[\uD800-\uDBFF]$/, "");
  return `${fenced(head)}\n(the first ${head.length} of ${output.length} characters)`;
}

function report(ctx: ScenarioContext): string {
  const output = ctx.outputs[0] ?? "";
  const code = exitCodeOf(output);
  const said = code === null ? "The command did not run (declined, or codex could not start it)." : `The command exited with code ${code}.`;
  return `${said}\n\n${quote(output)}`;
}

const NOTHING = "Nothing to run: put the command on the second line of the prompt, after `/scenario run`.";

export const run: Scenario = {
  name: "run",
  description: "runs exactly the prompt's second line (exec_command) and reports its exit code and output (hostile-tenant tests)",
  steps: (ctx): Step[] => {
    const cmd = runCommandOf(ctx.prompts.at(-1) ?? "");
    return cmd === null ? [{ kind: "message", text: NOTHING }] : [{ kind: "command", cmd }, { kind: "message", text: report }];
  },
};
