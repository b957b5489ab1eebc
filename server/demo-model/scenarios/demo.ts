import { exitCodeOf } from "../conversation";
import type { Scenario, ScenarioContext } from "../scenario";

// Reads the repo, asks to run one write command, adds one file and edits one through a patch,
// then summarises. Under `untrusted`, `ls` and `git status` run freely; the rest asks.

const NOTE_COMMAND = "mkdir -p notes && echo 'Notes from the Codex demo run.' > notes/demo-run.txt";

const hasReadme = (ctx: ScenarioContext) => /^README\.md$/m.test(ctx.outputs[0] ?? "");
const commandRan = (ctx: ScenarioContext) => exitCodeOf(ctx.outputs[2]) === 0;
const patchApplied = (ctx: ScenarioContext) => /^Success\./m.test(ctx.outputs[3] ?? "");

function summary(ctx: ScenarioContext): string {
  const readme = hasReadme(ctx) ? "appended a section to README.md" : "created README.md";
  return [
    "Summary of the demo run:",
    "- Looked around with `ls` and `git status`.",
    commandRan(ctx) ? "- Wrote notes/demo-run.txt with a shell command." : "- The shell command did not run (declined).",
    patchApplied(ctx) ? `- Added CODEX_DEMO.md and ${readme}.` : "- The file edits were not applied (declined).",
  ].join("\n");
}

export const demo: Scenario = {
  name: "demo",
  description: "ls, git status, one write command, one patch (new file + README edit), summary",
  steps: [
    { kind: "command", say: "Let me look at the repository first.", cmd: "ls" },
    { kind: "command", cmd: "git status" },
    { kind: "command", say: "I'll keep a note of this run.", cmd: NOTE_COMMAND },
    {
      kind: "patch",
      say: "Now the file changes.",
      ops: (ctx) => [
        { op: "add", path: "CODEX_DEMO.md", content: `# Codex demo\n\n${ctx.task || "(no task text)"}\n` },
        hasReadme(ctx)
          ? { op: "append", path: "README.md", content: "\n## Codex demo\n\nThis line was added by the Codex demo run.\n" }
          : { op: "add", path: "README.md", content: "# Project\n\nCreated by the Codex demo run.\n" },
      ],
    },
    { kind: "message", text: summary },
  ],
};
