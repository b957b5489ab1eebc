import { exitCodeOf } from "../conversation";
import type { PatchOp } from "../patch";
import type { Scenario, ScenarioContext } from "../scenario";

// Reads the repo, asks to run one write command, adds one file and edits one through a patch,
// then summarises. Under `untrusted` every command asks for approval. Outputs by index:
// 0 `ls`, 1 `git status`, 2 the write command, 3 the patch.

const NOTE_COMMAND = "mkdir -p notes && echo 'Notes from the Codex demo run.' > notes/demo-run.txt";

const ran = (ctx: ScenarioContext, index: number) => exitCodeOf(ctx.outputs[index]) === 0;

/** README.md is edited when `ls` showed one, created when `ls` showed none, left alone when `ls` did not run. */
function readmeOp(ctx: ScenarioContext): PatchOp[] {
  if (!ran(ctx, 0)) return [];
  return /^README\.md$/m.test(ctx.outputs[0] ?? "")
    ? [{ op: "append", path: "README.md", content: "\n## Codex demo\n\nThis line was added by the Codex demo run.\n" }]
    : [{ op: "add", path: "README.md", content: "# Project\n\nCreated by the Codex demo run.\n" }];
}

function summary(ctx: ScenarioContext): string {
  const readme = readmeOp(ctx)[0]?.op;
  const files = readme === "append" ? "Added CODEX_DEMO.md and appended a section to README.md." : readme === "add" ? "Added CODEX_DEMO.md and README.md." : "Added CODEX_DEMO.md.";
  return [
    "Summary of the demo run:",
    ran(ctx, 0) && ran(ctx, 1) ? "- Looked around with `ls` and `git status`." : "- Could not look around: the reading commands were declined.",
    ran(ctx, 2) ? "- Wrote notes/demo-run.txt with a shell command." : "- The shell command did not run (declined).",
    /^Success\./m.test(ctx.outputs[3] ?? "") ? `- ${files}` : "- The file edits were not applied (declined).",
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
      ops: (ctx) => [{ op: "add", path: "CODEX_DEMO.md", content: `# Codex demo\n\n${ctx.task || "(no task text)"}\n` }, ...readmeOp(ctx)],
    },
    { kind: "message", text: summary },
  ],
};
