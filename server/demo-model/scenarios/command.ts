import { exitCodeOf } from "../conversation";
import type { Scenario } from "../scenario";

export const command: Scenario = {
  name: "command",
  description: "one command needing approval (touch approved.txt); says whether it ran",
  steps: [
    { kind: "command", cmd: "touch approved.txt" },
    {
      kind: "message",
      text: (ctx) =>
        exitCodeOf(ctx.outputs[0]) === 0
          ? "The command ran: approved.txt was created."
          : "The command did not run: approved.txt was not created.",
    },
  ],
};
