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
import { AppError, errorBody, toAppError } from "../http/errors";
import { assertNoNulBytes } from "../http/nul-bytes";
import { assertCanViewTask } from "../permissions/tasks";
import { type EventSink, taskSubscriptions } from "./subscriptions";

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

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

/**
 * Validates a payload, runs the handler and answers the ack in the one error shape. The ack is
 * the last argument when it is a function, wherever the client put it; a client that sends
 * other than exactly one payload gets VALIDATION_FAILED rather than silence.
 */
function handle<S extends z.ZodType, T extends object>(
  schema: S,
  run: (payload: z.output<S>) => Promise<T>,
): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    const ack = args.at(-1);
    const reply: Ack<T> = typeof ack === "function" ? (ack as Ack<T>) : () => {};
    const payloads = typeof ack === "function" ? args.slice(0, -1) : args;
    try {
      if (payloads.length !== 1) {
        throw new AppError("VALIDATION_FAILED", `Send exactly one payload, not ${payloads.length}.`);
      }
      assertNoNulBytes(payloads[0], "payload");
      reply({ ok: true, ...(await run(schema.parse(payloads[0]))) });
    } catch (error) {
      reply({ ok: false, ...errorBody(toAppError(error)) });
    }
  };
}

export function registerTaskHandlers(socket: AppSocket): void {
  const subscribed = new Map<string, () => void>();
  // The newest subscribe per task while it is still in flight. An unsubscribe, a newer subscribe
  // or a disconnect in the meantime supersedes an older one: it sets nothing up, or drops what
  // it set up, and leaves the socket's subscriptions to the newest request.
  const inFlight = new Map<string, symbol>();
  const superseded = (taskId: string, ticket: symbol) => inFlight.get(taskId) !== ticket || socket.disconnected;
  socket.on(
    "task:subscribe",
    handle(ZTaskSubscribe, async ({ taskId, afterSeq }) => {
      const ticket = Symbol(taskId);
      inFlight.set(taskId, ticket);
      try {
        await assertCanViewTask(socket.data.userId, taskId);
        if (superseded(taskId, ticket)) return { lastSeq: afterSeq };
        subscribed.get(taskId)?.();
        subscribed.delete(taskId);
        const { lastSeq, unsubscribe } = await taskSubscriptions().subscribe(taskId, afterSeq, sinkFor(socket));
        if (superseded(taskId, ticket)) unsubscribe();
        else subscribed.set(taskId, unsubscribe);
        return { lastSeq };
      } finally {
        if (inFlight.get(taskId) === ticket) inFlight.delete(taskId);
      }
    }),
  );
  socket.on(
    "task:unsubscribe",
    handle(ZTaskUnsubscribe, async ({ taskId }) => {
      inFlight.delete(taskId);
      subscribed.get(taskId)?.();
      subscribed.delete(taskId);
      // Like every other request, another user's task (or none) answers NOT_FOUND.
      await assertCanViewTask(socket.data.userId, taskId);
      return {};
    }),
  );
  socket.on("disconnect", () => {
    for (const unsubscribe of subscribed.values()) unsubscribe();
    subscribed.clear();
  });
}
