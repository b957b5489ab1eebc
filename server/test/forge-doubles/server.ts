// Test doubles of outside services (GitHub, GitLab, Gitea/Forgejo REST APIs): a small local
// HTTP server each, written from the forges' public API docs, implementing only the pull
// request calls server/forges makes. Used by Vitest and Playwright; never by the app itself.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { ForgeKind, PullRequestState } from "../../forges/types";

export interface DoublePull {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
  state: PullRequestState;
}

export interface ForgeDoubleState {
  token: string;
  /** The one repository it serves: "owner/name", or "group/sub/name" on GitLab. */
  repo: string;
  branches: Set<string>;
  pulls: DoublePull[];
  /** "down": every call answers 503 with an HTML page; "hang": calls are never answered. */
  mode: "up" | "down" | "hang";
  /** Method and path of every call, to check that a failure changed nothing (headers hold the token). */
  requests: { method: string; path: string }[];
}

export interface DoubleRequest {
  method: string;
  /** The raw (still encoded) path. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface DoubleResponse {
  status: number;
  body: unknown;
}

export interface DoubleContext {
  state: ForgeDoubleState;
  /** The double's web root: pull request pages are under it. */
  webUrl: string;
  hasBranch: (name: string) => boolean | Promise<boolean>;
}

export type DoubleHandler = (req: DoubleRequest, ctx: DoubleContext) => DoubleResponse | Promise<DoubleResponse>;

export interface ForgeDouble {
  kind: ForgeKind;
  /** What an environment's `forge.apiUrl` would be. */
  apiUrl: string;
  webUrl: string;
  state: ForgeDoubleState;
  /** Marks a pull request merged or closed, as someone on the forge would. */
  setPullState(number: number, state: PullRequestState): void;
  close(): Promise<void>;
}

export interface ServeDoubleOptions {
  kind: ForgeKind;
  apiPath: string;
  handler: DoubleHandler;
  state: ForgeDoubleState;
  hasBranch?: (name: string) => boolean | Promise<boolean>;
}

const DOWN_PAGE = "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>";

async function readJson(req: AsyncIterable<Buffer>): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a double on 127.0.0.1, port 0. */
export async function serveDouble(opts: ServeDoubleOptions): Promise<ForgeDouble> {
  const { state } = opts;
  const hasBranch = opts.hasBranch ?? ((name: string) => state.branches.has(name));
  let webUrl = "";
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    state.requests.push({ method: req.method ?? "GET", path: url.pathname });
    if (state.mode === "hang") return;
    if (state.mode === "down") {
      res.writeHead(503, { "Content-Type": "text/html" }).end(DOWN_PAGE);
      return;
    }
    void (async () => {
      const body = await readJson(req);
      const path = url.pathname.startsWith(opts.apiPath) ? url.pathname.slice(opts.apiPath.length) : `/unknown${url.pathname}`;
      const answer = await opts.handler({ method: req.method ?? "GET", path, query: url.searchParams, headers: req.headers, body }, { state, webUrl, hasBranch });
      res.writeHead(answer.status, { "Content-Type": "application/json" }).end(JSON.stringify(answer.body));
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  webUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    kind: opts.kind,
    apiUrl: `${webUrl}${opts.apiPath}`,
    webUrl,
    state,
    setPullState(number, next) {
      const pull = state.pulls.find((p) => p.number === number);
      if (!pull) throw new Error(`No pull request #${number} in the double.`);
      pull.state = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Body fields as strings, as the forges read them. */
export const field = (body: unknown, name: string): string | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : undefined;
};
