import type { Scenario } from "../scenario";

export const DEFAULT_STREAM_DELTAS = 100;
export const MAX_STREAM_DELTAS = 100_000;

function deltaCount(arg: string | undefined): number {
  const n = Number.parseInt(arg ?? "", 10);
  return n > 0 ? Math.min(n, MAX_STREAM_DELTAS) : DEFAULT_STREAM_DELTAS;
}

/** Deltas a second; 0 (the default) streams as fast as possible. */
function deltaRate(arg: string | undefined): number {
  const n = Number.parseInt(arg ?? "", 10);
  return n > 0 ? n : 0;
}

export const stream: Scenario = {
  name: "stream",
  description: "stream N [RATE]: one agent message streamed as N timestamped deltas, RATE a second or as fast as possible (benchmarks)",
  steps: [{ kind: "stream", deltas: (ctx) => deltaCount(ctx.args[0]), perSecond: (ctx) => deltaRate(ctx.args[1]) }],
};
