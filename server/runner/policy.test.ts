import { describe, expect, it } from "vitest";
import { autoApproves, isReadOnlyCommand, matchesPrefix, unwrapShell } from "./policy";

describe("isReadOnlyCommand", () => {
  it.each([
    "ls -la",
    "cat README.md",
    "git status",
    "git log --oneline -5",
    "git diff HEAD~1",
    "grep -rn TODO src | head -20",
    "find . -name '*.ts'",
    "rg foo && wc -l a.txt",
    "pwd; ls",
    "/bin/bash -lc 'git status'",
  ])("reads only: %s", (cmd) => expect(isReadOnlyCommand(cmd)).toBe(true));

  it.each([
    "rm -rf /",
    "touch approved.txt",
    "echo hi > file.txt",
    "cat a >> b",
    "ls && rm x",
    "grep x a | tee out.txt",
    "find . -delete",
    "find . -exec rm {} ;",
    "git commit -m x",
    "git branch -D main",
    "git diff --output=patch.txt",
    "sort -o out.txt in.txt",
    "ls $(rm x)",
    "ls `rm x`",
    "npm test",
    "sed -i s/a/b/ f",
    "bash -lc 'ls; rm -rf x'",
    "ls &",
    "",
  ])("may write: %s", (cmd) => expect(isReadOnlyCommand(cmd)).toBe(false));
});

describe("matchesPrefix", () => {
  it("matches whole words of one simple command", () => {
    expect(matchesPrefix("npm test -- --watch=false", ["npm test"])).toBe(true);
    expect(matchesPrefix("npm testing", ["npm test"])).toBe(false);
    expect(matchesPrefix("npm test && rm -rf /", ["npm test"])).toBe(false);
    expect(matchesPrefix("npm test > out", ["npm test"])).toBe(false);
    expect(matchesPrefix("bash -lc 'npm test'", ["npm test"])).toBe(true);
  });
});

describe("autoApproves", () => {
  const env = { autoApproveReadOnly: true, autoApprovePrefixes: ["make lint"] };
  it("approves read-only and allowlisted commands, never file changes", () => {
    expect(autoApproves(env, { kind: "command", command: "ls" })).toBe(true);
    expect(autoApproves(env, { kind: "command", command: "make lint" })).toBe(true);
    expect(autoApproves(env, { kind: "command", command: "touch x" })).toBe(false);
    expect(autoApproves(env, { kind: "fileChange" })).toBe(false);
    expect(autoApproves({ ...env, autoApproveReadOnly: false }, { kind: "command", command: "ls" })).toBe(false);
  });

  it("unwraps shell wrappers", () => {
    expect(unwrapShell(`bash -lc "ls -la"`)).toBe("ls -la");
    expect(unwrapShell("ls")).toBe("ls");
    expect(unwrapShell("/bin/bash -lc ls")).toBe("ls");
    expect(isReadOnlyCommand("/bin/bash -lc ls")).toBe(true);
    expect(isReadOnlyCommand("/bin/bash -lc rm -rf x")).toBe(false);
  });
});
