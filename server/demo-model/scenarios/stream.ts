import type { Scenario } from "../scenario";

export const DEFAULT_STREAM_DELTAS = 100;

export const stream: Scenario = {
  name: "stream",
  description: "stream N: one agent message streamed as N timestamped deltas (benchmarks)",
  steps: [{ kind: "stream", deltas: (ctx) => Number.parseInt(ctx.args[0] ?? "", 10) || DEFAULT_STREAM_DELTAS }],
};
