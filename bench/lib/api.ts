import { io, type Socket } from "socket.io-client";
import type { TaskEventMessage } from "../../lib/realtime/events";

// The server's public HTTP API and Socket.IO, used like a script would (API.md).

export class Api {
  constructor(
    readonly base: string,
    readonly token: string,
    readonly user: { email: string; password: string },
  ) {}

  /** A new user and a personal access token for it (email + password, no session). */
  static async signUp(base: string, tag: string): Promise<Api> {
    const user = { email: `${tag}-${process.pid}-${Date.now().toString(36)}@bench.test`, password: "bench-password-1" };
    await post(base, "/api/users", user, null);
    const { token } = (await post(base, "/api/tokens", { name: "bench", ...user }, null)) as { token: string };
    return new Api(base, token, user);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return post(this.base, path, body, this.token) as Promise<T>;
  }

  async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.base}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async environment(repo: string, extra: Record<string, unknown> = {}): Promise<string> {
    return (await this.post<{ id: string }>("/api/environments", { label: "bench", repo, ...extra })).id;
  }

  async task(environmentId: string, prompt: string): Promise<string> {
    return (await this.post<{ id: string }>("/api/tasks", { environmentId, prompt })).id;
  }

  /** A connected socket authenticated with the token. */
  async socket(): Promise<Socket> {
    const socket = io(this.base, { auth: { token: this.token }, transports: ["websocket"], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    return socket;
  }
}

async function post(base: string, path: string, body: unknown, token: string | null): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Subscribes to a task from seq 0; `onEvent` sees every `task:event` of it. */
export async function subscribe(socket: Socket, taskId: string, onEvent: (event: TaskEventMessage) => void): Promise<void> {
  socket.on("task:event", (event: TaskEventMessage) => {
    if (event.taskId === taskId) onEvent(event);
  });
  const res = (await socket.emitWithAck("task:subscribe", { taskId, afterSeq: 0 })) as { ok: boolean; error?: unknown };
  if (!res.ok) throw new Error(`task:subscribe failed: ${JSON.stringify(res.error)}`);
}
