import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "../env";
import { workspaceDiff } from "../git/diff";
import { git } from "../git/git";
import { createWorkspace } from "../runner/workspaces";
import { makeRepo } from "../test/git-repo";
import { TaskSandbox } from "./task-sandbox";
import { taskUid } from "./task-uid";

// Real bubblewrap, as the server runs it (these tests run as root, like CI and the Docker image).

let root: string;
let sandbox: TaskSandbox;
let neighbour: string;
let workspace: string;

async function run(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; out: string }> {
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, out };
}

const sh = (script: string, opts: { cwd?: string } = {}) => sandbox.spawn({ argv: ["/bin/bash", "-c", script], cwd: opts.cwd ?? sandbox.dir }).then(run);

beforeAll(async () => {
  // A data folder under a mode-700 parent, as mkdtemp makes them: the sandbox must not need a way through it.
  root = await mkdtemp(path.join(tmpdir(), "codex-sandbox-test-"));
  await chmod(root, 0o700);
  setRuntimeEnv({ DATA_DIR: path.join(root, "data"), DATABASE_URL: "postgresql://x@127.0.0.1:5432/x", AUTH_SECRET: "x".repeat(40) });
  await mkdir(path.join(root, "data", "tasks"), { recursive: true });
  await writeFile(path.join(root, "data", "auth-secret"), "the-session-secret\n", { mode: 0o600 });
  neighbour = path.join(root, "data", "tasks", "other-task", "attempt-0", "private.txt");
  await mkdir(path.dirname(neighbour), { recursive: true });
  await writeFile(neighbour, "someone else's work\n");
  sandbox = new TaskSandbox("sandbox-test-task", path.join(root, "data", "tasks", "sandbox-test-task"));
  workspace = path.join(sandbox.dir, "attempt-0");
  await sandbox.prepare([workspace]);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("a task's sandbox", () => {
  it("runs as the task's own uid and sees its folder, /usr and a minimal /etc, nothing else of the host", async () => {
    const { code, out } = await sh('id -u; id -un; hostname; ls /; ls "$DATA"; ls "$DATA/tasks"; cat /etc/passwd | cut -d: -f1 | tr "\\n" " "', {});
    expect(code).toBe(0);
    const lines = out.trim().split("\n");
    expect(lines[0]).toBe(String(taskUid("sandbox-test-task")));
    expect(lines.slice(1, 3)).toEqual(["codex", "codex-task"]);
    expect(out).not.toMatch(/\broot\n.*\bhome\b/);
    expect(await sh(`cat ${root}/data/auth-secret`)).toMatchObject({ code: 1 });
    expect(await sh(`cat ${neighbour}`)).toMatchObject({ code: 1 });
    expect((await sh("ls /root /home /srv /opt 2>&1 | wc -l")).out.trim()).toBe("4");
    expect((await sh("cat /etc/passwd")).out).toContain(`codex:x:${taskUid("sandbox-test-task")}`);
    expect((await sh("ls /etc")).out.split("\n")).not.toEqual(expect.arrayContaining(["shadow", "profile", "bash.bashrc", "gitconfig"]));
  });

  it("writes only in its workspaces, CODEX_HOME, HOME and /tmp (not beside them); what it makes belongs to its uid", async () => {
    const made = path.join(workspace, "made");
    const { code, out } = await sh(`echo hi > /tmp/x && echo hi > "$HOME/x" && echo hi > ${sandbox.codexHome}/x && echo hi > ${made} && echo wrote`);
    expect(code, out).toBe(0);
    expect((await stat(made)).uid).toBe(taskUid("sandbox-test-task"));
    for (const outside of [`${root}/data/pwned`, "/usr/pwned", `${sandbox.dir}/pwned`]) {
      expect(await sh(`touch ${outside}`), outside).toMatchObject({ code: 1 });
      expect(existsSync(outside), outside).toBe(false);
    }
  });

  it("has no network but loopback: a port of the host's loopback is not reachable", async () => {
    const listener = createServer((socket) => socket.end("host port\n"));
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    const port = (listener.address() as { port: number }).port;
    try {
      expect(await sh(`exec 3<>/dev/tcp/127.0.0.1/${port}`)).toMatchObject({ code: 1 });
    } finally {
      listener.close();
    }
  });

  it("runs git on a workspace there: a hook or fsmonitor command the agent planted never runs on the host", async () => {
    const repo = await makeRepo({ "a.txt": "one\n" });
    const dir = workspace;
    const ws = await createWorkspace({ repo, branch: "main", dir });
    await sandbox.adopt(dir);
    const marker = path.join(root, "host-marker");
    // As the agent would, from inside (host git refuses a repository another uid owns).
    const agent = sandbox.runnerFor(dir);
    await agent(["git", "config", "core.fsmonitor", `touch ${marker}; false`], { cwd: dir });
    await agent(["git", "config", "diff.external", `touch ${marker}`], { cwd: dir });
    await writeFile(path.join(dir, "a.txt"), "two\n");
    const diff = await workspaceDiff(dir, ws.baseCommit, sandbox.runnerFor(dir));
    expect(diff.stats).toEqual({ filesChanged: 1, linesAdded: 1, linesRemoved: 1 });
    expect(existsSync(marker)).toBe(false);
    await rm(repo, { recursive: true, force: true });
  });
});

describe("host git", () => {
  it("never runs a repository's hooks or fsmonitor command", async () => {
    const repo = await makeRepo({ "a.txt": "one\n" });
    const marker = path.join(root, "hook-ran");
    await mkdir(path.join(repo, ".git", "hooks"), { recursive: true });
    await writeFile(path.join(repo, ".git", "hooks", "post-checkout"), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    await git(["config", "core.fsmonitor", `touch ${marker}; false`], { cwd: repo });
    await git(["checkout", "--quiet", "-b", "other"], { cwd: repo });
    await git(["status", "--porcelain"], { cwd: repo });
    expect(existsSync(marker)).toBe(false);
    await rm(repo, { recursive: true, force: true });
  });
});
