import { exitCodeOf } from "../conversation";
import type { Scenario } from "../scenario";

/** Relative to the attempt's workspace: the task folder, outside what the sandbox lets it write. */
export const ESCAPE_PATH = "../escaped.txt";

export const escapeWorkspace: Scenario = {
  name: "escape",
  description: `tries to write outside its workspace (touch ${ESCAPE_PATH}); says whether it could`,
  steps: [
    { kind: "command", cmd: `touch ${ESCAPE_PATH}` },
    {
      kind: "message",
      text: (ctx) => (exitCodeOf(ctx.outputs[0]) === 0 ? "I wrote outside my workspace." : "The sandbox refused the write outside my workspace."),
    },
  ],
};
