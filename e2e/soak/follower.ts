import { io, type Socket } from "socket.io-client";

interface Event {
  taskId: string;
  seq: number;
}

/**
 * One socket following one task the way the README tells scripts to: subscribe with the last
 * seq seen, again after every reconnect. Counts what arrives out of line.
 */
export class Follower {
  lastSeq = 0;
  events = 0;
  duplicates = 0;
  gaps = 0;
  reconnects = 0;
  /** Counts by message / reason. */
  readonly connectErrors = new Map<string, number>();
  readonly disconnects = new Map<string, number>();
  private readonly socket: Socket;

  constructor(baseURL: string, token: string, readonly taskId: string) {
    this.socket = io(baseURL, { auth: { token }, transports: ["websocket"], reconnectionDelayMax: 2000 });
    this.socket.on("connect", () => this.subscribe());
    this.socket.io.on("reconnect", () => (this.reconnects += 1));
    // The server drops a socket that lags too far behind; it comes back and resubscribes.
    this.socket.on("disconnect", (reason) => {
      this.count(this.disconnects, reason);
      if (reason === "io server disconnect") this.socket.connect();
    });
    this.socket.on("connect_error", (error) => this.count(this.connectErrors, error.message));
    this.socket.on("task:event", (e: Event) => this.take(e));
  }

  close(): void {
    this.socket.removeAllListeners("disconnect");
    this.socket.close();
  }

  private count(counts: Map<string, number>, key: string): void {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  private subscribe(): void {
    this.socket.emit("task:subscribe", { taskId: this.taskId, afterSeq: this.lastSeq }, (res: { ok: boolean }) => {
      if (!res.ok) this.socket.disconnect().connect();
    });
  }

  private take(e: Event): void {
    if (e.taskId !== this.taskId) return;
    this.events += 1;
    if (e.seq <= this.lastSeq) this.duplicates += 1;
    else {
      this.gaps += e.seq - this.lastSeq - 1;
      this.lastSeq = e.seq;
    }
  }
}
