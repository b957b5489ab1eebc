import type { Scenario, Step } from "../scenario";

export const TICKS = 10;
export const TICK_MS = 1000;

const tick = (n: number): Step[] => [
  { kind: "pause", ms: TICK_MS },
  { kind: "command", cmd: `echo tick ${n}` },
];

export const ticks: Scenario = {
  name: "ticks",
  description: `${TICKS} commands (echo tick N), each after a ${TICK_MS / 1000} s pause: a long run (reconnect, restart and soak tests; no approvals under approvalPolicy never)`,
  steps: [...Array.from({ length: TICKS }, (_, i) => tick(i + 1)).flat(), { kind: "message", text: `Ticked ${TICKS} times.` }],
};
