import type { Scenario } from "../scenario";

/** Longer than any stream timeout worth configuring; codex hangs up first. */
export const HANG_MS = 30 * 60_000;

export const hang: Scenario = {
  name: "hang",
  description: "the model opens its stream and then sends nothing; the turn fails on codex's stream timeout",
  steps: [
    { kind: "pause", ms: HANG_MS },
    { kind: "message", text: "This reply comes too late." },
  ],
};
