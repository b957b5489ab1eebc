import type { TApproval } from "../schemas/approvals";

// Builds what the task page shows for one attempt from its event log (the same events the
// server stores): setup, then turns with their items, plans, approvals and errors in the order
// they happened. Streamed deltas accumulate until the completed item replaces them. Browser-safe.

export interface TimelineEvent {
  seq: number;
  type: string;
  data: unknown;
}

export type ItemView = { id: string; type: string } & Record<string, unknown>;
export type PlanStep = { step: string; status: "pending" | "inProgress" | "completed" };

export type Entry =
  | { kind: "item"; key: string; item: ItemView }
  | { kind: "plan"; key: string; explanation: string | null; steps: PlanStep[] }
  | { kind: "approval"; key: string; approval: TApproval }
  | { kind: "error"; key: string; message: string }
  | { kind: "applied"; key: string; branch: string };

export interface TurnView {
  id: string;
  status: string;
  prompt: string;
  error?: string;
  entries: Entry[];
}

export interface SetupView {
  script: string;
  output: string;
  exitCode?: number | null;
}

export interface Timeline {
  /** Warnings about how the task runs (e.g. without a sandbox), shown above everything. */
  notices: string[];
  setup: SetupView | null;
  turns: TurnView[];
}

type Data = Record<string, unknown>;

function upsert(turn: TurnView, entry: Entry): void {
  const i = turn.entries.findIndex((e) => e.key === entry.key);
  if (i >= 0) turn.entries[i] = entry;
  else turn.entries.push(entry);
}

function itemOf(turn: TurnView, id: string, type: string): ItemView {
  const found = turn.entries.find((e) => e.key === id);
  if (found?.kind === "item") return found.item;
  const item: ItemView = { id, type };
  turn.entries.push({ kind: "item", key: id, item });
  return item;
}

const append = (value: unknown, delta: unknown) => `${typeof value === "string" ? value : ""}${typeof delta === "string" ? delta : ""}`;

function promptOf(item: ItemView): string {
  const content = Array.isArray(item.content) ? (item.content as Array<{ text?: string }>) : [];
  return content.map((c) => c.text ?? "").join("\n");
}

/** Applies one event that belongs to a turn. */
function applyToTurn(turn: TurnView, { seq, type, data }: TimelineEvent, d: Data): void {
  if (type === "item/started" || type === "item/completed") {
    const item = d.item as ItemView;
    if (item.type !== "userMessage") upsert(turn, { kind: "item", key: item.id, item: { ...item } });
    else if (!turn.prompt) turn.prompt = promptOf(item);
    // Words the user added while the turn ran (steering, a decline's message) are shown in place.
    else if (promptOf(item) !== turn.prompt) upsert(turn, { kind: "item", key: item.id, item: { ...item, text: promptOf(item) } });
  } else if (type === "item/agentMessage/delta") {
    const item = itemOf(turn, String(d.itemId), "agentMessage");
    item.text = append(item.text, d.delta);
  } else if (type === "item/commandExecution/outputDelta") {
    const item = itemOf(turn, String(d.itemId), "commandExecution");
    item.aggregatedOutput = append(item.aggregatedOutput, d.delta);
  } else if (type === "item/reasoning/summaryTextDelta") {
    const item = itemOf(turn, String(d.itemId), "reasoning");
    const summary = Array.isArray(item.summary) ? [...(item.summary as string[])] : [];
    const index = typeof d.summaryIndex === "number" ? d.summaryIndex : 0;
    summary[index] = append(summary[index], d.delta);
    item.summary = summary;
  } else if (type === "turn/plan/updated") {
    upsert(turn, { kind: "plan", key: "plan", explanation: (d.explanation as string | null) ?? null, steps: (d.plan as PlanStep[]) ?? [] });
  } else if (type === "approval/requested" || type === "approval/resolved") {
    const approval = d as unknown as TApproval;
    upsert(turn, { kind: "approval", key: `approval-${approval.id}`, approval });
  } else if (type === "error") {
    const error = d.error as { message?: string } | undefined;
    turn.entries.push({ kind: "error", key: `error-${seq}`, message: error?.message ?? "The agent reported an error." });
  } else if (type === "task/applied") {
    turn.entries.push({ kind: "applied", key: `applied-${seq}`, branch: String(d.branch) });
  }
}

export function buildTimeline(events: readonly TimelineEvent[]): Timeline {
  const timeline: Timeline = { notices: [], setup: null, turns: [] };
  for (const event of events) {
    const d = (event.data ?? {}) as Data;
    if (event.type === "sandbox/warning") timeline.notices.push(String(d.message ?? ""));
    else if (event.type === "setup/started") timeline.setup = { script: String(d.script ?? ""), output: "" };
    else if (event.type === "setup/output" && timeline.setup) timeline.setup.output += String(d.chunk ?? "");
    else if (event.type === "setup/completed" && timeline.setup) timeline.setup.exitCode = d.exitCode as number | null;
    else if (event.type === "turn/started") {
      timeline.turns.push({ id: (d.turn as { id: string }).id, status: "inProgress", prompt: "", entries: [] });
    } else if (event.type === "turn/completed") {
      const t = d.turn as { id: string; status?: string; error?: { message?: string } | null };
      const turn = timeline.turns.find((x) => x.id === t.id);
      if (turn) Object.assign(turn, { status: t.status ?? "completed", error: t.error?.message });
    } else {
      const turn = timeline.turns.find((x) => x.id === d.turnId) ?? timeline.turns.at(-1);
      if (turn) applyToTurn(turn, event, d);
    }
  }
  return timeline;
}

/** The items of a turn (commands, file changes) that wait for the user's approval. */
export function awaitingApproval(turn: TurnView): Set<string> {
  return new Set(turn.entries.flatMap((e) => (e.kind === "approval" && e.approval.status === "pending" && e.approval.itemId ? [e.approval.itemId] : [])));
}
