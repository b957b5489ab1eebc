// A git host for tests, real git over loopback: bare repositories served by `git http-backend`
// (smart HTTP, the protocol GitHub and GitLab speak) behind HTTPS with basic auth, fetch and
// push. Used by Vitest and Playwright alike, so it imports nothing of the app. Servers that
// talk to it trust TEST_GIT_CA_FILE (GIT_REMOTE_CA_FILE).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { makeBareRepo, type RepoContent } from "./git-bare-repo";

export { makeBareRepo, type RepoContent } from "./git-bare-repo";

const TLS_DIR = path.join(import.meta.dirname, "tls");
/** The certificate the test git server presents (for 127.0.0.1 and localhost). */
export const TEST_GIT_CA_FILE = path.join(TLS_DIR, "cert.pem");

export type GitRequestKind = "advertise" | "ls-refs" | "fetch" | "push" | "other";

export interface GitRequest {
  method: string;
  /** The repository's name (the path's first part, without ".git"). */
  repo: string;
  kind: GitRequestKind;
  status: number;
  /** The basic-auth user name, when one was given. */
  user?: string;
}

export interface TestGitServer {
  /** https://127.0.0.1:PORT */
  url: string;
  /** The folder holding the bare repositories (GIT_PROJECT_ROOT). */
  root: string;
  /** Every request answered, in order. */
  requests: GitRequest[];
  /** `url/name.git`. */
  repoUrl(name: string): string;
  /** A bare repository `name.git` with the given branches (see makeBareRepo). */
  addRepo(name: string, content?: RepoContent): Promise<string>;
  /** Served requests of that kind for that repository (fetch: objects sent; push: receive-pack). */
  count(kind: GitRequestKind, repo?: string): number;
  /** While true, requests are held unanswered (a host that does not respond). */
  stall(on: boolean): void;
  close(): Promise<void>;
}

/** Accepts the token as the password (any user name), or as the user name with "x-oauth-basic". */
function authorized(header: string | undefined, token: string): { ok: boolean; user?: string } {
  const match = /^Basic (.+)$/i.exec(header ?? "");
  if (!match) return { ok: false };
  const decoded = Buffer.from(match[1]!, "base64").toString();
  const colon = decoded.indexOf(":");
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return { ok: password === token || (user === token && password === "x-oauth-basic"), user };
}

function kindOf(req: IncomingMessage, url: URL, body: Buffer): GitRequestKind {
  if (url.pathname.endsWith("/info/refs")) return "advertise";
  if (url.pathname.endsWith("/git-receive-pack")) return "push";
  if (!url.pathname.endsWith("/git-upload-pack")) return "other";
  const plain = req.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
  if (!String(req.headers["git-protocol"] ?? "").includes("version=2")) return "fetch";
  return plain.includes("command=fetch") ? "fetch" : "ls-refs";
}

/** Runs git http-backend as a CGI for one request and streams its answer. */
function backend(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, root: string, user: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const env: Record<string, string> = {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: "1",
        PATH_INFO: decodeURIComponent(url.pathname),
        REQUEST_METHOD: req.method ?? "GET",
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers["content-type"] ?? "",
        CONTENT_LENGTH: String(body.length),
        HTTP_CONTENT_ENCODING: req.headers["content-encoding"] ?? "",
        GIT_PROTOCOL: String(req.headers["git-protocol"] ?? ""),
        REMOTE_ADDR: "127.0.0.1",
        ...(user === undefined ? {} : { REMOTE_USER: user }),
    };
    const cgi = spawn("git", ["http-backend"], { env: env as NodeJS.ProcessEnv });
    let head = Buffer.alloc(0);
    let status = 200;
    let started = false;
    cgi.stdout.on("data", (chunk: Buffer) => {
      if (started) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n") >= 0 ? head.indexOf("\r\n\r\n") : head.indexOf("\n\n");
      if (end < 0) return;
      const sep = head[end] === 13 ? 4 : 2;
      for (const line of head.subarray(0, end).toString().split(/\r?\n/)) {
        const [name, ...rest] = line.split(":");
        const value = rest.join(":").trim();
        if (name!.toLowerCase() === "status") status = Number.parseInt(value, 10);
        else res.setHeader(name!, value);
      }
      res.writeHead(status);
      started = true;
      res.write(head.subarray(end + sep));
    });
    cgi.stdin.on("error", () => undefined);
    cgi.stdin.end(body);
    cgi.on("close", () => {
      if (!started) res.writeHead(502).end("git http-backend gave no answer");
      else res.end();
      resolve(status);
    });
  });
}

/** Starts the server on a free loopback port; every request needs basic auth with `token`. */
export async function startGitHttpServer(opts: { token: string }): Promise<TestGitServer> {
  const root = await mkdtemp(path.join(tmpdir(), "codex-git-host-"));
  const requests: GitRequest[] = [];
  let stalled = false;
  const held: ServerResponse[] = [];
  const server = createServer({ key: readFileSync(path.join(TLS_DIR, "key.pem")), cert: readFileSync(TEST_GIT_CA_FILE) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (stalled) return void held.push(res);
      const url = new URL(req.url ?? "/", "https://127.0.0.1");
      const body = Buffer.concat(chunks);
      const record = (status: number, user?: string) =>
        requests.push({ method: req.method ?? "", repo: url.pathname.split("/")[1]?.replace(/\.git$/, "") ?? "", kind: kindOf(req, url, body), status, user });
      const auth = authorized(req.headers.authorization, opts.token);
      if (!auth.ok) {
        record(401, auth.user);
        return void res.writeHead(401, { "www-authenticate": 'Basic realm="test git host"', "content-type": "text/plain" }).end("Unauthorized\n");
      }
      void backend(req, res, url, body, root, auth.user).then((status) => record(status, auth.user));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    root,
    requests,
    repoUrl: (name) => `${url}/${name}.git`,
    addRepo: (name, content) => makeBareRepo(path.join(root, `${name}.git`), content),
    count: (kind, repo) => requests.filter((r) => r.kind === kind && r.status === 200 && (repo === undefined || r.repo === repo)).length,
    stall(on) {
      stalled = on;
      if (!on) for (const res of held.splice(0)) res.destroy();
    },
    async close() {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(root, { recursive: true, force: true });
    },
  };
}
