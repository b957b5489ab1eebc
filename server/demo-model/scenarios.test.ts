import { describe, expect, it } from "vitest";
import { applyPatchCommand } from "./patch";
import { replies } from "./scenario";
import { parseDirective, pickScenario, SCENARIOS } from "./scenarios";
import { parseStreamDeltas, formatStreamDelta } from "./stream-delta";

const conversation = (prompts: string[], outputs: string[] = []) => ({ prompts, outputs, step: outputs.length });

describe("scenario selection", () => {
  it("reads `/scenario NAME ARGS` from the first line; the rest is the task", () => {
    expect(parseDirective("/scenario stream 500\nbench it")).toEqual({ name: "stream", args: ["500"], task: "bench it" });
    expect(parseDirective("fix the bug")).toBeNull();
  });

  it("plays demo without a directive, follow-up on a later prompt, and the named scenario otherwise", () => {
    expect(pickScenario(conversation(["fix the bug"])).scenario.name).toBe("demo");
    expect(pickScenario(conversation(["fix the bug"])).ctx.task).toBe("fix the bug");
    expect(pickScenario(conversation(["/scenario edit\nx", "and also y"])).scenario.name).toBe("follow-up");
    expect(pickScenario(conversation(["/scenario edit\nx", "/scenario command"])).scenario.name).toBe("command");
    expect(pickScenario(conversation(["/scenario nope\nx"])).scenario.name).toBe("demo");
  });

  it("has every scenario API.md requires", () => {
    expect(Object.keys(SCENARIOS)).toEqual(expect.arrayContaining(["demo", "edit", "command", "stream", "slow", "fail"]));
  });
});

describe("scenario data", () => {
  it("slow is demo with a one-second pause before each reply", () => {
    const slow = replies(SCENARIOS.slow?.steps ?? []);
    expect(slow.map((r) => r.action)).toEqual(replies(SCENARIOS.demo?.steps ?? []).map((r) => r.action));
    expect(slow.every((r) => r.pauseMs === 1000)).toBe(true);
  });

  it("demo edits README.md when `ls` showed one and creates it otherwise", () => {
    const patch = SCENARIOS.demo?.steps[3];
    if (patch?.kind !== "patch" || typeof patch.ops !== "function") throw new Error("step 4 should be a computed patch");
    const ctx = (ls: string) => ({ ...conversation(["task"], [ls, "", ""]), args: [], task: "task" });
    expect(patch.ops(ctx("Output:\nREADME.md\nsrc\n"))[1]).toMatchObject({ op: "append", path: "README.md" });
    expect(patch.ops(ctx("Output:\nsrc\n"))[1]).toMatchObject({ op: "add", path: "README.md" });
  });

  it("builds codex's apply_patch heredoc", () => {
    expect(applyPatchCommand([{ op: "add", path: "a.md", content: "x\nEOF\n" }, { op: "append", path: "b.md", content: "y" }])).toBe(
      "apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: a.md\n+x\n+EOF\n*** Update File: b.md\n@@\n+y\n*** End Patch\nEOF\n",
    );
  });

  it("stream deltas carry their index and send time", () => {
    const text = formatStreamDelta(0, 1000.5) + formatStreamDelta(1, 1001.25);
    expect(parseStreamDeltas(text)).toEqual([
      { index: 0, sentAtMs: 1000.5 },
      { index: 1, sentAtMs: 1001.25 },
    ]);
  });
});
