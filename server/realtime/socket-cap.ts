import type { Socket } from "socket.io";

/**
 * Refuses a user's handshake once they have `max` sockets open (counted by their user room, so
 * nothing needs cleaning up when a socket closes). The client's `connect_error` has the message
 * `RATE_LIMITED` and `data: {code, message}`.
 */
export function socketCapError(socket: Socket, room: string, max: number): Error | null {
  const open = socket.nsp.adapter.rooms.get(room)?.size ?? 0;
  if (open < max) return null;
  const error = new Error("RATE_LIMITED") as Error & { data: { code: string; message: string } };
  error.data = { code: "RATE_LIMITED", message: `At most ${max} live connections per user; close another tab or client.` };
  return error;
}
