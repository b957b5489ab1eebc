import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { applyPatchCommand } from "./patch";
import { resolve, type ActionStep, type Reply, type ScenarioContext } from "./scenario";
import { completedEvent, execCommandItem, messageItem, newId, SseWriter, type OutputItem } from "./sse";
import { formatStreamDelta } from "./stream-delta";

interface WriteReplyOptions {
  res: ServerResponse;
  reply: Reply;
  ctx: ScenarioContext;
  /** Size of the request body, for a plausible `usage`. */
  requestBytes: number;
  /** Aborted when codex hangs up (e.g. `turn/interrupt` during a pause). */
  signal: AbortSignal;
}

function sendErrorResponse(res: ServerResponse, step: Extract<ActionStep, { kind: "httpError" }>): void {
  const body = { error: { message: step.message, type: "server_error", code: "demo_model_error" } };
  res.writeHead(step.status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** A closing message acknowledges what the user added while the turn ran, so steering is visible. */
function withSteers(text: string, ctx: ScenarioContext): string {
  return ctx.steers.length === 0 ? text : `${text}\n\nYou added while I worked: ${ctx.steers.map((s) => `"${s.trim()}"`).join(", ")}.`;
}

function outputItems(action: ActionStep, ctx: ScenarioContext): OutputItem[] {
  const say = "say" in action && action.say !== undefined ? [messageItem(resolve(action.say, ctx))] : [];
  switch (action.kind) {
    case "command":
      return [...say, execCommandItem(resolve(action.cmd, ctx))];
    case "patch":
      return [...say, execCommandItem(applyPatchCommand(resolve(action.ops, ctx)))];
    case "message":
      return [messageItem(withSteers(resolve(action.text, ctx), ctx))];
    default:
      return [];
  }
}

/** Streams the deltas back to back, or paced at `perSecond` (a delta is never sent before it is due). */
async function streamMessage(sse: SseWriter, deltas: number, perSecond: number, signal: AbortSignal): Promise<string> {
  const id = newId("msg");
  sse.send({ type: "response.output_item.added", output_index: 0, item: { type: "message", id, role: "assistant", content: [] } });
  let text = "";
  const start = performance.now();
  for (let i = 0; i < deltas; i++) {
    const wait = perSecond > 0 ? start + (i * 1000) / perSecond - performance.now() : 0;
    if (wait >= 1) await sleep(wait, undefined, { signal }).catch(() => undefined);
    if (signal.aborted) break;
    const delta = formatStreamDelta(i);
    text += delta;
    sse.send({ type: "response.output_text.delta", item_id: id, output_index: 0, content_index: 0, delta });
  }
  sse.send({ type: "response.output_item.done", output_index: 0, item: messageItem(text, id) });
  return text;
}

/** Plays one scenario step as one Responses API reply. */
export async function writeReply({ res, reply, ctx, requestBytes, signal }: WriteReplyOptions): Promise<void> {
  const { action } = reply;
  if (action.kind === "httpError") return sendErrorResponse(res, action);
  const sse = new SseWriter(res);
  const responseId = newId("resp");
  sse.send({ type: "response.created", response: { id: responseId, status: "in_progress" } });
  if (reply.pauseMs > 0) await sleep(reply.pauseMs, undefined, { signal }).catch(() => undefined);
  if (signal.aborted) return sse.end();
  let outputChars = 0;
  if (action.kind === "stream") {
    outputChars = (await streamMessage(sse, resolve(action.deltas, ctx), resolve(action.perSecond ?? 0, ctx), signal)).length;
  }
  outputItems(action, ctx).forEach((item, index) => {
    outputChars += JSON.stringify(item).length;
    sse.send({ type: "response.output_item.done", output_index: index, item });
  });
  const usage = { inputTokens: Math.ceil(requestBytes / 4), outputTokens: Math.ceil(outputChars / 4) };
  sse.send(completedEvent(responseId, usage));
  sse.end();
}
