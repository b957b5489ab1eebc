import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "@/lib/realtime/events";
import { env } from "../env";
import { bus } from "../events/bus";
import { logger } from "../logger";
import { type AppSocket, registerTaskHandlers } from "./task-handlers";
import { socketCapError } from "./socket-cap";
import { actorFromHandshake } from "./socket-auth";

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const userRoom = (userId: string) => `user:${userId}`;

/** Socket.IO on the app's HTTP server: authenticated handshake, one room per user. */
export function createIo(httpServer: HttpServer): IoServer {
  const io: IoServer = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  io.use(async (socket, next) => {
    try {
      const actor = await actorFromHandshake(socket.handshake);
      if (!actor) return next(new Error("UNAUTHENTICATED"));
      const capped = socketCapError(socket, userRoom(actor.userId), env().MAX_SOCKETS_PER_USER);
      if (capped) return next(capped);
      socket.data.userId = actor.userId;
      socket.data.tokenId = actor.tokenId;
      socket.data.tokenExpiresAt = actor.expiresAt?.getTime();
      next();
    } catch (error) {
      logger.error("socket handshake failed", { error });
      next(new Error("INTERNAL"));
    }
  });
  io.on("connection", (socket) => {
    void socket.join(userRoom(socket.data.userId));
    registerTaskHandlers(socket);
    closeWhenTokenExpires(socket);
  });
  forwardOwnerEvents(io);
  return io;
}

/** The longest delay setTimeout keeps (about 24.8 days); longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A socket opened with an expiring token is closed when the token expires. */
function closeWhenTokenExpires(socket: AppSocket): void {
  const expiresAt = socket.data.tokenExpiresAt;
  if (expiresAt === undefined) return;
  let timer: NodeJS.Timeout;
  const wait = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) return void socket.disconnect(true);
    timer = setTimeout(wait, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  wait();
  socket.on("disconnect", () => clearTimeout(timer));
}

/** Summaries and approvals go to every socket of the task's owner, subscribed or not. */
function forwardOwnerEvents(io: IoServer): void {
  bus.on("task:updated", (ownerId, summary) => io.to(userRoom(ownerId)).emit("task:updated", summary));
  bus.on("approval:requested", (ownerId, approval) => io.to(userRoom(ownerId)).emit("approval:requested", approval));
  bus.on("approval:resolved", (ownerId, approval) => io.to(userRoom(ownerId)).emit("approval:resolved", approval));
  bus.on("token:revoked", (tokenId) => {
    for (const socket of io.sockets.sockets.values()) if (socket.data.tokenId === tokenId) socket.disconnect(true);
  });
  // Sessions ended (sign out everywhere, demotion): the user's cookie sockets; token sockets stay.
  bus.on("user:sessions-ended", (userId) => {
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.userId === userId && !socket.data.tokenId) socket.disconnect(true);
    }
  });
  // A disabled user: every socket, tokens' included.
  bus.on("user:disabled", (userId) => {
    for (const socket of io.sockets.sockets.values()) if (socket.data.userId === userId) socket.disconnect(true);
  });
}
