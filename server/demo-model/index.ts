export { startDemoModel, type DemoModel } from "./server";
export { parseStreamDeltas, formatStreamDelta } from "./stream-delta";
export { SCENARIOS, parseDirective } from "./scenarios";
export { runExitCode } from "./scenarios/run";
export type { Scenario, Step } from "./scenario";
