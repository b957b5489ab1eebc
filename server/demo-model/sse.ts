import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { ResponseItem } from "../generated/codex-protocol/ResponseItem";

// The subset of the OpenAI Responses streaming API that codex reads.

export type OutputItem = Extract<ResponseItem, { type: "message" | "function_call" }>;

export const newId = (prefix: string) => `${prefix}_${randomUUID().replaceAll("-", "")}`;

export function messageItem(text: string, id = newId("msg")): OutputItem {
  return { type: "message", id, role: "assistant", content: [{ type: "output_text", text }] };
}

export function execCommandItem(cmd: string): OutputItem {
  return { type: "function_call", id: newId("fc"), name: "exec_command", arguments: JSON.stringify({ cmd }), call_id: newId("call") };
}

export class SseWriter {
  constructor(private readonly res: ServerResponse) {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  }

  get closed(): boolean {
    return this.res.destroyed || this.res.writableEnded;
  }

  send(event: { type: string } & Record<string, unknown>): void {
    if (!this.closed) this.res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  end(): void {
    if (!this.closed) this.res.end();
  }
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export function completedEvent(responseId: string, usage: Usage) {
  return {
    type: "response.completed",
    response: {
      id: responseId,
      status: "completed",
      usage: {
        input_tokens: usage.inputTokens,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: usage.outputTokens,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: usage.inputTokens + usage.outputTokens,
      },
    },
  };
}
