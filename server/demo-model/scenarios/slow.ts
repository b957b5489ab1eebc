import { resolve, type Scenario } from "../scenario";
import { demo } from "./demo";

export const SLOW_PAUSE_MS = 1000;

export const slow: Scenario = {
  name: "slow",
  description: "demo with a 1 s pause before each step (interrupt tests)",
  steps: (ctx) => resolve(demo.steps, ctx).flatMap((step) => [{ kind: "pause", ms: SLOW_PAUSE_MS } as const, step]),
};
