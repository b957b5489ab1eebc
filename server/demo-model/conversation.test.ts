import { describe, expect, it } from "vitest";
import type { ResponseItem } from "../generated/codex-protocol/ResponseItem";
import { exitCodeOf, readConversation } from "./conversation";

const user = (text: string): ResponseItem => ({ type: "message", role: "user", content: [{ type: "input_text", text }] });
const call = (id: string): ResponseItem => ({ type: "function_call", name: "exec_command", arguments: "{}", call_id: id });
const output = (id: string, text: string): ResponseItem => ({ type: "function_call_output", call_id: id, output: text });

describe("readConversation", () => {
  it("counts the tool calls and outputs since the latest prompt, skipping codex's context messages", () => {
    const input = [
      { type: "message", role: "developer", content: [{ type: "input_text", text: "You are Codex" }] } as ResponseItem,
      user("<environment_context>\n  <cwd>/x</cwd>\n</environment_context>"),
      user("/scenario edit\nfirst"),
      call("a"),
      output("a", "Process exited with code 0"),
      { type: "message", role: "assistant", content: [{ type: "output_text", text: "done" }] } as ResponseItem,
      user("a follow-up"),
      call("b"),
      output("b", [{ type: "input_text", text: "Process exited with code 1" }] as never),
    ];
    expect(readConversation(input)).toEqual({
      prompts: ["/scenario edit\nfirst", "a follow-up"],
      outputs: ["Process exited with code 1"],
      step: 1,
      steers: [],
    });
  });

  it("keeps playing the scenario when the user's words are added mid-turn (turn/steer), not after an aborted turn", () => {
    const steered = [user("/scenario command\ngo"), call("a"), output("a", "declined"), user("I declined that request: no")];
    expect(readConversation(steered)).toEqual({ prompts: ["/scenario command\ngo"], outputs: ["declined"], step: 1, steers: ["I declined that request: no"] });
    const early = [user("/scenario slow\ngo"), user("mind the tests")];
    expect(readConversation(early)).toMatchObject({ prompts: ["/scenario slow\ngo"], steers: ["mind the tests"], step: 0 });
    const afterSilence = [user("/scenario hang\nwait"), user("/scenario edit\nnext")];
    expect(readConversation(afterSilence)).toMatchObject({ prompts: ["/scenario hang\nwait", "/scenario edit\nnext"], steers: [] });
    const aborted = [user("first"), call("a"), output("a", "x"), user("<turn_aborted>"), user("second")];
    expect(readConversation(aborted).prompts).toEqual(["first", "second"]);
  });

  it("starts at step 0 on a fresh prompt", () => {
    expect(readConversation([user("hello")])).toEqual({ prompts: ["hello"], outputs: [], step: 0, steers: [] });
  });
});

describe("exitCodeOf", () => {
  it("reads codex's exit line and returns null for a command that never ran", () => {
    expect(exitCodeOf("Chunk ID: 1\nProcess exited with code 0\nOutput:\n")).toBe(0);
    expect(exitCodeOf("Process exited with code 127")).toBe(127);
    expect(exitCodeOf("exec_command failed: rejected by user")).toBeNull();
    expect(exitCodeOf(undefined)).toBeNull();
  });
});
