"use client";

import { useSyncExternalStore } from "react";
import { getSocket } from "./socket";

let everConnected = false;

function subscribe(onChange: () => void): () => void {
  const socket = getSocket();
  socket.on("connect", onChange);
  socket.on("disconnect", onChange);
  return () => {
    socket.off("connect", onChange);
    socket.off("disconnect", onChange);
  };
}

function connected(): boolean {
  const socket = getSocket();
  if (socket.connected) everConnected = true;
  return socket.connected || !everConnected;
}

/** False while the socket, once connected, is down and reconnecting (true on the server). */
export function useConnected(): boolean {
  return useSyncExternalStore(subscribe, connected, () => true);
}
