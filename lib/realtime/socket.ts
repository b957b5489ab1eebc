"use client";

import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ClientSocket | undefined;

/** One socket per tab, same origin, session cookie; reconnects with capped backoff. */
export function getSocket(): ClientSocket {
  socket ??= io({ transports: ["websocket"], reconnectionDelay: 500, reconnectionDelayMax: 5000 });
  return socket;
}
