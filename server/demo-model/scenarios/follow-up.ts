import type { Scenario } from "../scenario";

// A later prompt without its own `/scenario` line: acknowledge it with one small edit.

const file = (ctx: { prompts: string[] }) => `notes/follow-up-${ctx.prompts.length - 1}.md`;

export const followUp: Scenario = {
  name: "follow-up",
  description: "acknowledges a follow-up prompt by writing it to notes/follow-up-N.md",
  steps: [
    { kind: "patch", ops: (ctx) => [{ op: "add", path: file(ctx), content: `# Follow-up\n\n${ctx.task}\n` }] },
    { kind: "message", text: (ctx) => `Noted the follow-up in ${file(ctx)}.` },
  ],
};
