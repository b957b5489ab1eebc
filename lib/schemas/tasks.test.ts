import { describe, expect, it } from "vitest";
import { PROMPT_MAX_CHARS, PROMPT_TOTAL_MAX_BYTES, ZCreateTaskRequest, ZSendMessageRequest } from "./tasks";

describe("prompt limits", () => {
  const task = (prompt: string, attempts = 1) => ZCreateTaskRequest.safeParse({ environmentId: "e", prompt, attempts });

  it("accepts a prompt of PROMPT_MAX_CHARS characters and refuses one more", () => {
    expect(task("x".repeat(PROMPT_MAX_CHARS)).success).toBe(true);
    expect(task("x".repeat(PROMPT_MAX_CHARS + 1)).error?.issues[0]?.path).toEqual(["prompt"]);
    expect(ZSendMessageRequest.safeParse({ text: "x".repeat(PROMPT_MAX_CHARS + 1) }).success).toBe(false);
  });

  it("bounds attempts × the prompt's UTF-8 bytes", () => {
    const half = "x".repeat(PROMPT_TOTAL_MAX_BYTES / 2);
    expect(task(half, 2).success).toBe(true);
    expect(task("x".repeat(Math.floor(PROMPT_TOTAL_MAX_BYTES / 3) + 1), 3).error?.issues[0]?.message).toContain(`${PROMPT_TOTAL_MAX_BYTES} bytes`);
    expect(task("é".repeat(PROMPT_TOTAL_MAX_BYTES / 4 + 1), 2).success).toBe(false);
  });
});
