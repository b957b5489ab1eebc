import { randomBytes } from "node:crypto";

// A minimal client of the HTTP API for the soak (fetch, bearer token, bounded waits).

export interface Turn {
  status: string;
  completedAt?: string | null;
}

export interface Task {
  id: string;
  status: string;
  lastSeq: number;
  turns: Turn[];
}

export class Api {
  constructor(
    readonly baseURL: string,
    private readonly token = "",
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseURL}${path}`, {
      method,
      headers: { "content-type": "application/json", ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  task(taskId: string): Promise<Task> {
    return this.call<Task>("GET", `/api/tasks/${taskId}`);
  }
}

/** A new user and a token for it, as a script would get one. */
export async function signedIn(baseURL: string): Promise<{ api: Api; token: string }> {
  const user = { email: `soak-${randomBytes(4).toString("hex")}@example.test`, password: `pw-${randomBytes(8).toString("hex")}` };
  const anonymous = new Api(baseURL);
  await anonymous.call("POST", "/api/users", user);
  const { token } = await anonymous.call<{ token: string }>("POST", "/api/tokens", { name: "soak", ...user });
  return { api: new Api(baseURL, token), token };
}

/** Polls until `check` returns a value, at most `timeoutMs`. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, opts: { timeoutMs: number; everyMs: number }): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, opts.everyMs));
  }
  throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${what}`);
}
