import type { Scenario } from "../scenario";

export const edit: Scenario = {
  name: "edit",
  description: "one patch adding CODEX_DEMO.md with the task text, one closing message",
  steps: [
    { kind: "patch", ops: (ctx) => [{ op: "add", path: "CODEX_DEMO.md", content: `${ctx.task || "(no task text)"}\n` }] },
    { kind: "message", text: "Added CODEX_DEMO.md with the task text." },
  ],
};
