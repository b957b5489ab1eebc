// Rebuilds a thread's turns and items from its stored events (the same events the browser
// receives), so a thread reads the same whether or not its app-server process is running.
// Browser-safe.

export interface StoredEvent {
  type: string;
  data: unknown;
  at: string;
}

export type ThreadItemView = { id: string; type: string } & Record<string, unknown>;

export interface TurnView {
  id: string;
  status: string;
  startedAt: string;
  completedAt?: string;
  error?: string;
  items: ThreadItemView[];
}

interface TurnLike {
  id: string;
  status?: string;
  error?: { message?: string } | null;
}

type Data = Record<string, unknown>;

function upsert(turn: TurnView, item: ThreadItemView): void {
  const i = turn.items.findIndex((x) => x.id === item.id);
  if (i >= 0) turn.items[i] = item;
  else turn.items.push(item);
}

function appendText(turn: TurnView | undefined, itemId: unknown, field: string, delta: unknown): void {
  const item = turn?.items.find((x) => x.id === itemId);
  if (item && typeof delta === "string") item[field] = `${typeof item[field] === "string" ? item[field] : ""}${delta}`;
}

export function rebuildTurns(events: StoredEvent[]): TurnView[] {
  const turns: TurnView[] = [];
  const byId = new Map<string, TurnView>();
  const turnOf = (d: Data) => byId.get(String(d.turnId));
  for (const { type, data, at } of events) {
    const d = (data ?? {}) as Data;
    if (type === "turn/started") {
      const t = d.turn as TurnLike;
      const turn: TurnView = { id: t.id, status: "inProgress", startedAt: at, items: [] };
      turns.push(turn);
      byId.set(t.id, turn);
    } else if (type === "turn/completed") {
      const t = d.turn as TurnLike;
      const turn = byId.get(t.id);
      if (!turn) continue;
      turn.status = t.status ?? "completed";
      turn.completedAt = at;
      if (t.error?.message) turn.error = t.error.message;
    } else if (type === "item/started" || type === "item/completed") {
      const turn = turnOf(d);
      if (turn) upsert(turn, { ...(d.item as ThreadItemView) });
    } else if (type === "item/agentMessage/delta") {
      appendText(turnOf(d), d.itemId, "text", d.delta);
    } else if (type === "item/commandExecution/outputDelta") {
      appendText(turnOf(d), d.itemId, "aggregatedOutput", d.delta);
    }
  }
  return turns;
}
