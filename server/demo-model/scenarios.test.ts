import { describe, expect, it } from "vitest";
import { applyPatchCommand } from "./patch";
import { replies, resolve, type ScenarioContext, type Step } from "./scenario";
import { parseDirective, pickScenario, SCENARIOS } from "./scenarios";
import { runCommandOf, runExitCode } from "./scenarios/run";
import { parseStreamDeltas, formatStreamDelta } from "./stream-delta";

const conversation = (prompts: string[], outputs: string[] = []) => ({ prompts, outputs, step: outputs.length, steers: [] });
const context = (prompts: string[], outputs: string[] = []): ScenarioContext => pickScenario(conversation(prompts, outputs)).ctx;
const stepsOf = (name: string, ctx = context(["task"])): Step[] => resolve(SCENARIOS[name]?.steps ?? [], ctx);

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
    expect(Object.keys(SCENARIOS)).toEqual(expect.arrayContaining(["demo", "edit", "command", "stream", "slow", "fail", "run"]));
  });
});

describe("scenario data", () => {
  it("slow is demo with a one-second pause before each reply", () => {
    const slow = replies(stepsOf("slow"));
    expect(slow.map((r) => r.action)).toEqual(replies(stepsOf("demo")).map((r) => r.action));
    expect(slow.every((r) => r.pauseMs === 1000)).toBe(true);
  });

  it("demo edits README.md when `ls` showed one, creates it when not, leaves it when `ls` was declined", () => {
    const patch = stepsOf("demo")[3];
    if (patch?.kind !== "patch" || typeof patch.ops !== "function") throw new Error("step 4 should be a computed patch");
    const ctx = (ls: string) => ({ ...conversation(["task"], [ls, "", ""]), args: [], task: "task" });
    const ok = "Process exited with code 0\nOutput:\n";
    expect(patch.ops(ctx(`${ok}README.md\nsrc\n`))[1]).toMatchObject({ op: "append", path: "README.md" });
    expect(patch.ops(ctx(`${ok}src\n`))[1]).toMatchObject({ op: "add", path: "README.md" });
    expect(patch.ops(ctx("exec_command failed: rejected by user")).map((op) => op.path)).toEqual(["CODEX_DEMO.md"]);
  });

  it("stream caps N and defaults to 100 deltas", () => {
    const step = stepsOf("stream")[0];
    if (step?.kind !== "stream" || typeof step.deltas !== "function") throw new Error("stream should compute its delta count");
    const deltas = step.deltas;
    const ctx = (args: string[]) => ({ ...conversation(["/scenario stream"]), args, task: "" });
    expect([deltas(ctx(["500"])), deltas(ctx([])), deltas(ctx(["-3"])), deltas(ctx(["1e9"])), deltas(ctx(["999999999"]))]).toEqual([500, 100, 100, 1, 100_000]);
  });

  it("stream takes an optional rate, else streams as fast as possible", () => {
    const step = stepsOf("stream")[0];
    if (step?.kind !== "stream" || typeof step.perSecond !== "function") throw new Error("stream should compute its rate");
    const perSecond = step.perSecond;
    const ctx = (args: string[]) => ({ ...conversation(["/scenario stream"]), args, task: "" });
    expect([perSecond(ctx(["500", "2000"])), perSecond(ctx(["500"])), perSecond(ctx(["500", "-1"]))]).toEqual([2000, 0, 0]);
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

describe("run scenario", () => {
  const closing = (prompt: string, output: string) => {
    const ctx = context([prompt], [output]);
    const message = stepsOf("run", ctx)[1];
    if (message?.kind !== "message") throw new Error("run should close with a message");
    return resolve(message.text, ctx);
  };

  it("runs exactly the prompt's second line, nothing more", () => {
    const prompt = "/scenario run\n  cat /etc/shadow | head -1 \nnot this line";
    expect(stepsOf("run", context([prompt]))[0]).toEqual({ kind: "command", cmd: "  cat /etc/shadow | head -1 " });
    expect(runCommandOf("/scenario run\r\nid -u\r\n")).toBe("id -u");
  });

  it("states the exit code codex reported and quotes the command's output", () => {
    const text = closing("/scenario run\ncat /etc/shadow", "Chunk ID: 1\nWall time: 0.0 seconds\nProcess exited with code 1\nOutput:\ncat: /etc/shadow: Permission denied\n");
    expect(text).toBe("The command exited with code 1.\n\n```\ncat: /etc/shadow: Permission denied\n```");
    expect(runExitCode(text)).toBe(1);
  });

  it("says the command did not run when codex reports no exit code", () => {
    const text = closing("/scenario run\nrm -rf /", "exec_command failed: rejected by user");
    expect(text).toBe("The command did not run (declined, or codex could not start it).\n\n```\nexec_command failed: rejected by user\n```");
    expect(runExitCode(text)).toBeNull();
  });

  it("quotes at most 2000 characters, fenced past any backticks in the output", () => {
    const text = closing("/scenario run\nyes", `Process exited with code 0\nOutput:\n\`\`\`\`${"y".repeat(5000)}`);
    expect(text).toContain("\n`````\n````y");
    expect(text).toMatch(/`````\n\(the first 2000 of 5004 characters\)$/);
    expect(runExitCode(text)).toBe(0);
  });

  it("runs nothing without a second line", () => {
    for (const prompt of ["/scenario run", "/scenario run\n   \nls"]) {
      const steps = stepsOf("run", context([prompt]));
      expect(steps).toHaveLength(1);
      expect(steps[0]).toMatchObject({ kind: "message", text: expect.stringContaining("Nothing to run") });
    }
  });
});
