import { describe, expect, it } from "vitest";
import { displayCommand } from "./command";

describe("displayCommand", () => {
  it("drops the shell wrapper and its quotes", () => {
    expect(displayCommand("/bin/bash -lc ls")).toBe("ls");
    expect(displayCommand("/bin/bash -lc 'git status'")).toBe("git status");
    expect(displayCommand(`/bin/bash -lc "mkdir -p notes && echo 'hi' > \\"a b\\""`)).toBe(`mkdir -p notes && echo 'hi' > "a b"`);
    expect(displayCommand("touch approved.txt")).toBe("touch approved.txt");
  });
});
