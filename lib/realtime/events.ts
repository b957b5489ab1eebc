import { z } from "zod";
import type { ErrorBody } from "../errors";
import { ZSeq } from "../schemas/seq";

// The typed Socket.IO contract (API.md "Realtime"). Shared by the server and the browser.

export const ZTaskSubscribe = z.strictObject({
  taskId: z.string().min(1).max(64),
  afterSeq: ZSeq.default(0),
});
export type TTaskSubscribe = z.infer<typeof ZTaskSubscribe>;

export const ZTaskUnsubscribe = z.strictObject({ taskId: z.string().min(1).max(64) });
export type TTaskUnsubscribe = z.infer<typeof ZTaskUnsubscribe>;

export interface TaskEventMessage {
  taskId: string;
  seq: number;
  attempt: number | null;
  type: string;
  data: unknown;
  at: string;
}

export type Ack<T extends object = object> = (res: ({ ok: true } & T) | ({ ok: false } & ErrorBody)) => void;

export interface ClientToServerEvents {
  "task:subscribe": (payload: TTaskSubscribe, ack: Ack<{ lastSeq: number }>) => void;
  "task:unsubscribe": (payload: TTaskUnsubscribe, ack: Ack) => void;
}

export interface ServerToClientEvents {
  "task:event": (event: TaskEventMessage) => void;
  "task:updated": (summary: unknown) => void;
  "approval:requested": (approval: unknown) => void;
  "approval:resolved": (approval: unknown) => void;
}

export interface SocketData {
  userId: string;
  tokenId?: string;
  /** When the socket's token expires (epoch ms); the socket is closed then. */
  tokenExpiresAt?: number;
}
