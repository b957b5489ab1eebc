import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoModel, type DemoModel } from "./server";
import { parseStreamDeltas } from "./stream-delta";

let model: DemoModel;
beforeAll(async () => {
  model = await startDemoModel();
});
afterAll(() => model.close());

const prompt = (text: string) => ({ type: "message", role: "user", content: [{ type: "input_text", text }] });
const postInput = (input: unknown[]) =>
  fetch(`${model.url}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "demo", stream: true, input }),
  });
const post = (text: string) => postInput([prompt(text)]);

function events(body: string): { type: string; [key: string]: unknown }[] {
  return body
    .split("\n")
    .filter((line) => line.startsWith("data: "))
    .map((line) => JSON.parse(line.slice(6)) as { type: string });
}

describe("demo model over HTTP", () => {
  it("listens on a free port and gives a base URL ending in /v1", () => {
    expect(model.url).toBe(`http://127.0.0.1:${model.port}/v1`);
  });

  it("streams a function call for the first step of a scenario", async () => {
    const res = await post("/scenario command");
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const list = events(await res.text());
    expect(list.map((e) => e.type)).toEqual(["response.created", "response.output_item.done", "response.completed"]);
    expect(list[1]?.item).toMatchObject({ type: "function_call", name: "exec_command", arguments: JSON.stringify({ cmd: "touch approved.txt" }) });
    expect(list[2]?.response).toMatchObject({ usage: { total_tokens: expect.any(Number) } });
  });

  it("plays run: the second line as one exec_command, then a message with the exit code from the tool output", async () => {
    const text = "/scenario run\ncat /etc/shadow";
    const call = events(await (await post(text)).text())[1]?.item as { call_id: string; arguments: string };
    expect(JSON.parse(call.arguments)).toEqual({ cmd: "cat /etc/shadow" });
    const output = { type: "function_call_output", call_id: call.call_id, output: "Process exited with code 1\nOutput:\ndenied\n" };
    const list = events(await (await postInput([prompt(text), { type: "function_call", ...call }, output])).text());
    expect(list[1]?.item).toMatchObject({ type: "message", content: [{ type: "output_text", text: "The command exited with code 1.\n\n```\ndenied\n```" }] });
  });

  it("streams N timestamped deltas then the whole message", async () => {
    const list = events(await (await post("/scenario stream 3")).text());
    expect(list.map((e) => e.type)).toEqual([
      "response.created",
      "response.output_item.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(list[2]?.delta).toMatch(/^\[#0 t=\d+\.\d{3}\] $/);
  });

  it("paces a stream given a rate, every delta still sent once and in order", async () => {
    const list = events(await (await post("/scenario stream 20 1000")).text());
    const deltas = list.filter((e) => e.type === "response.output_text.delta").flatMap((e) => parseStreamDeltas(String(e.delta)));
    expect(deltas.map((d) => d.index)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("answers the fail scenario with HTTP 500 and a JSON error", async () => {
    const res = await post("/scenario fail");
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { message: expect.stringContaining("scripted failure"), type: "server_error", code: "demo_model_error" } });
  });

  it("lists its model and rejects unknown routes and bodies", async () => {
    expect(await (await fetch(`${model.url}/models`)).json()).toMatchObject({ data: [{ id: "demo" }] });
    expect((await fetch(`${model.url}/nothing`)).status).toBe(404);
    expect((await fetch(`${model.url}/responses`, { method: "POST", body: "{}" })).status).toBe(400);
  });
});
