import type { Socket } from "socket.io";
import type { z } from "zod";
import {
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
  ZTaskSubscribe,
  ZTaskUnsubscribe,
} from "@/lib/realtime/events";
import { errorBody, toAppError } from "../http/errors";
import { assertNoNulBytes } from "../http/nul-bytes";
import { assertCanViewTask } from "../permissions/tasks";
import { type EventSink, taskSubscriptions } from "./subscriptions";

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

// A socket whose unsent messages pile up past this is dropped; it resubscribes from its seq.
const MAX_BUFFERED_PACKETS = 5_000;

/** Packets engine.io holds for a socket that it could not write yet (public at runtime, private in its types). */
const buffered = (socket: AppSocket) => (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length;

function sinkFor(socket: AppSocket): EventSink {
  return {
    send: (event) => {
      if (buffered(socket) > MAX_BUFFERED_PACKETS) socket.disconnect(true);
      else socket.emit("task:event", event);
    },
    overflow: () => socket.disconnect(true),
  };
}

/** Validates a payload, runs the handler and answers the ack in the one error shape. */
function handle<S extends z.ZodType, T extends object>(
  schema: S,
  run: (payload: z.output<S>) => Promise<T>,
): (payload: unknown, ack: unknown) => Promise<void> {
  return async (payload, ack) => {
    const reply: Ack<T> = typeof ack === "function" ? (ack as Ack<T>) : () => {};
    try {
      assertNoNulBytes(payload, "payload");
      reply({ ok: true, ...(await run(schema.parse(payload))) });
    } catch (error) {
      reply({ ok: false, ...errorBody(toAppError(error)) });
    }
  };
}

export function registerTaskHandlers(socket: AppSocket): void {
  const subscribed = new Map<string, () => void>();
  socket.on(
    "task:subscribe",
    handle(ZTaskSubscribe, async ({ taskId, afterSeq }) => {
      await assertCanViewTask(socket.data.userId, taskId);
      subscribed.get(taskId)?.();
      const { lastSeq, unsubscribe } = await taskSubscriptions().subscribe(taskId, afterSeq, sinkFor(socket));
      subscribed.set(taskId, unsubscribe);
      return { lastSeq };
    }),
  );
  socket.on(
    "task:unsubscribe",
    handle(ZTaskUnsubscribe, async ({ taskId }) => {
      subscribed.get(taskId)?.();
      subscribed.delete(taskId);
      return {};
    }),
  );
  socket.on("disconnect", () => {
    for (const unsubscribe of subscribed.values()) unsubscribe();
    subscribed.clear();
  });
}
