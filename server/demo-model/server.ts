import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { ResponseItem } from "../generated/codex-protocol/ResponseItem";
import { readConversation } from "./conversation";
import { writeReply } from "./reply";
import { replies, resolve, type Reply } from "./scenario";
import { pickScenario } from "./scenarios";

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const ZResponsesRequest = z.looseObject({ input: z.array(z.looseObject({ type: z.string() })) });
const DONE: Reply = { pauseMs: 0, action: { kind: "message", text: "Done." } };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function handleResponses(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  const parsed = ZResponsesRequest.safeParse(JSON.parse(raw));
  if (!parsed.success) return sendJson(res, 400, { error: { message: "Expected a Responses API body with `input`.", type: "invalid_request_error" } });
  const { scenario, ctx } = pickScenario(readConversation(parsed.data.input as ResponseItem[]));
  const reply = replies(resolve(scenario.steps, ctx))[ctx.step] ?? DONE;
  const hangUp = new AbortController();
  res.on("close", () => hangUp.abort());
  await writeReply({ res, reply, ctx, requestBytes: Buffer.byteLength(raw), signal: hangUp.signal });
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? "/", "http://demo").pathname;
  if (req.method === "POST" && path === "/v1/responses") {
    handleResponses(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendJson(res, 400, { error: { message: `Demo model: ${String(error)}`, type: "invalid_request_error" } });
    });
  } else if (req.method === "GET" && path === "/v1/models") {
    sendJson(res, 200, { object: "list", data: [{ id: "demo", object: "model", created: 0, owned_by: "codex-cloud" }] });
  } else sendJson(res, 404, { error: { message: `No route ${req.method} ${path}`, type: "not_found" } });
}

export interface DemoModel {
  /** Base URL for a model provider, ending in /v1. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A local OpenAI Responses API server playing scripted scenarios (see scenarios/). */
export async function startDemoModel(opts: { port?: number; host?: string } = {}): Promise<DemoModel> {
  const host = opts.host ?? "127.0.0.1";
  const server = http.createServer(handle);
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
  return { url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/v1`, port, close };
}
