import { EventEmitter } from "node:events";
import type { TaskEventMessage } from "@/lib/realtime/events";

/** In-process fan-out from the runner and services to the realtime layer. */
export interface BusEvents {
  "task:event": [event: TaskEventMessage];
  "task:updated": [ownerId: string, summary: unknown];
  "approval:requested": [ownerId: string, approval: unknown];
  "approval:resolved": [ownerId: string, approval: unknown];
  "token:revoked": [tokenId: string];
  "user:sessions-ended": [userId: string];
  "user:disabled": [userId: string];
}

// Next's route bundles and the custom server are separate module graphs: one bus per process.
const holder = globalThis as unknown as { __codexCloudBus?: EventEmitter<BusEvents> };

export const bus: EventEmitter<BusEvents> = (holder.__codexCloudBus ??= new EventEmitter<BusEvents>().setMaxListeners(0));
