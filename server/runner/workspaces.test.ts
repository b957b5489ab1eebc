import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { git } from "../git/git";
import { commitAll, makeRepo } from "../test/git-repo";
import { spawn } from "node:child_process";
import { createWorkspace, runSetupScript } from "./workspaces";

/** Runs the setup command on the host (the sandbox's own tests cover the sandboxed start). */
const onHost = (cwd: string) => async (argv: string[]) => spawn(argv[0]!, argv.slice(1), { cwd, env: { PATH: "/usr/bin:/bin" } as unknown as NodeJS.ProcessEnv, detached: true });

describe("createWorkspace", () => {
  it("clones the branch tip and leaves the source repository untouched", async () => {
    const repo = await makeRepo({ "a.txt": "main\n" });
    await git(["checkout", "--quiet", "-b", "feature"], { cwd: repo });
    const tip = await commitAll(repo, "feature work");
    await git(["checkout", "--quiet", "main"], { cwd: repo });
    const statusBefore = await git(["status", "--porcelain"], { cwd: repo });

    const dir = path.join(await mkdtemp(path.join(tmpdir(), "codex-ws-")), "attempt-0");
    const ws = await createWorkspace({ repo, branch: "feature", dir });

    expect(ws.baseCommit).toBe(tip);
    expect(await readFile(path.join(dir, "a.txt"), "utf8")).toBe("main\n");
    expect(await git(["status", "--porcelain"], { cwd: repo })).toBe(statusBefore);
    expect(await git(["worktree", "list"], { cwd: repo })).not.toContain(dir);
  });

  it("fails with git's reason for a missing branch", async () => {
    const repo = await makeRepo();
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "codex-ws-")), "x");
    await expect(createWorkspace({ repo, branch: "nope", dir })).rejects.toThrow(/nope/);
  });
});

describe("runSetupScript", () => {
  it("streams output and reports the exit code", async () => {
    const chunks: string[] = [];
    const ok = await runSetupScript({
      script: "echo one; echo two >&2; pwd",
      start: onHost(tmpdir()),
      timeoutMs: 10_000,
      maxOutputBytes: 1 << 20,
      onOutput: (c) => chunks.push(c),
    });
    expect(ok.exitCode).toBe(0);
    expect(chunks.join("")).toContain("one");
    expect(chunks.join("")).toContain("two");
    expect(chunks.join("")).toContain(tmpdir());
  });

  it("stops at the first failing command and times out long scripts", async () => {
    const output = { failed: "", slow: "" };
    const failed = await runSetupScript({ script: "false; echo never", start: onHost(tmpdir()), timeoutMs: 10_000, maxOutputBytes: 1 << 20, onOutput: (c) => (output.failed += c) });
    expect(failed.exitCode).toBe(1);
    expect(output.failed).not.toContain("never");
    const slow = await runSetupScript({ script: "sleep 30", start: onHost(tmpdir()), timeoutMs: 300, maxOutputBytes: 1 << 20, onOutput: (c) => (output.slow += c) });
    expect(slow.exitCode).not.toBe(0);
    expect(output.slow).toContain("timed out");
  });

  it("keeps the first and last halves of a large output around a marker", async () => {
    const chunks: string[] = [];
    const big = await runSetupScript({
      script: "echo START; head -c 3000000 /dev/zero | tr '\\0' x; echo; echo END",
      start: onHost(tmpdir()),
      timeoutMs: 30_000,
      maxOutputBytes: 4096,
      onOutput: (c) => chunks.push(c),
    });
    expect(big.exitCode).toBe(0);
    const output = chunks.join("");
    expect(output).toMatch(/START\nx+\n\[… \d+ bytes omitted …\]\nx+\nEND\n$/);
    expect(Buffer.byteLength(output)).toBeLessThan(4096 + 100);
  });

  it("kills the script and everything it started when the signal aborts", async () => {
    const stop = new AbortController();
    let output = "";
    const result = await runSetupScript({
      script: "sleep 600 & echo started; wait",
      start: onHost(tmpdir()),
      timeoutMs: 60_000,
      maxOutputBytes: 1 << 20,
      signal: stop.signal,
      onOutput: (c) => {
        output += c;
        if (c.includes("started")) stop.abort();
      },
    });
    expect(result.stopped).toBe(true);
    expect(output).toContain("Setup script stopped.");
  });
});
