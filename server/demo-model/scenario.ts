import type { Conversation } from "./conversation";
import type { PatchOp } from "./patch";

// Scenarios are data: a list of steps, each one model reply. Values may be computed from the
// conversation so far (the task text, earlier command outputs), which is how steps branch.

export interface ScenarioContext extends Conversation {
  /** Words after `/scenario NAME` on the directive line. */
  args: string[];
  /** The prompt without its directive line. */
  task: string;
}

export type Dyn<T> = T | ((ctx: ScenarioContext) => T);

export type Step =
  /** Run a shell command through codex's `exec_command` tool; `say` is an optional preamble. */
  | { kind: "command"; cmd: Dyn<string>; say?: Dyn<string> }
  /** Edit files with one apply_patch call. */
  | { kind: "patch"; ops: Dyn<PatchOp[]>; say?: Dyn<string> }
  /** A final message; ends the turn. */
  | { kind: "message"; text: Dyn<string> }
  /**
   * A final message streamed as `deltas` text deltas, each carrying its send time: as fast as
   * possible, or `perSecond` deltas a second when that is above 0.
   */
  | { kind: "stream"; deltas: Dyn<number>; perSecond?: Dyn<number> }
  /** Wait before the next step's reply (the HTTP stream is already open). */
  | { kind: "pause"; ms: number }
  /** Answer the request with an HTTP error and a JSON body; ends the turn as failed. */
  | { kind: "httpError"; status: number; message: string };

export type ActionStep = Exclude<Step, { kind: "pause" }>;

export interface Scenario {
  name: string;
  description: string;
  /** Fixed, or computed when what the scenario does depends on the prompt (e.g. `run`). */
  steps: Dyn<Step[]>;
}

/** One model reply: the action plus the pauses written before it. */
export interface Reply {
  pauseMs: number;
  action: ActionStep;
}

export function replies(steps: Step[]): Reply[] {
  const out: Reply[] = [];
  let pauseMs = 0;
  for (const step of steps) {
    if (step.kind === "pause") pauseMs += step.ms;
    else {
      out.push({ pauseMs, action: step });
      pauseMs = 0;
    }
  }
  return out;
}

export function resolve<T>(value: Dyn<T>, ctx: ScenarioContext): T {
  return typeof value === "function" ? (value as (ctx: ScenarioContext) => T)(ctx) : value;
}
