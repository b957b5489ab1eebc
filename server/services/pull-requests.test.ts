import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealSecret } from "../auth/secret-box";
import { db } from "../db";
import { setRuntimeEnv } from "../env";
import { git } from "../git/git";
import { type ForgeDouble, startForgeDouble } from "../test/forge-doubles";
import { startGitHttpServer, TEST_GIT_CA_FILE, type TestGitServer } from "../test/git-http-server";
import { type RunnerFixture, startRunnerFixture } from "../test/runner-fixture";
import { newTask, untilStatus } from "../test/task-driver";
import { deliverPullRequest, getPullRequest } from "./pull-requests";
import { sendMessage } from "./tasks";

// Real git over smart HTTP (git http-backend with basic auth) and a GitHub test double standing
// in for the outside service; the task runs on the real codex with the demo model.

const TOKEN = "ghp-pr-test-token-5d1e77b0c2";
let fx: RunnerFixture;
let host: TestGitServer;
let bare: string;
let forge: ForgeDouble;

const branchExists = (name: string) => git(["rev-parse", "--verify", "--quiet", `refs/heads/${name}`], { cwd: bare }).then(() => true, () => false);
const log = (ref: string) => git(["log", "--format=%H %P", ref], { cwd: bare }).then((out) => out.trim().split("\n").map((l) => l.split(" ")));

beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 2, idleTimeoutMs: 60_000 });
  setRuntimeEnv({ GIT_REMOTE_CA_FILE: TEST_GIT_CA_FILE });
  host = await startGitHttpServer({ token: TOKEN });
  bare = await host.addRepo("acme/widgets", { main: { "README.md": "# Widgets\n" } });
  forge = await startForgeDouble({ kind: "github", token: TOKEN, repo: "acme/widgets", hasBranch: branchExists });
}, 60_000);
afterAll(async () => {
  await forge?.close();
  await host?.close();
  await fx?.close();
});

async function remoteEnvironment(double: ForgeDouble = forge): Promise<string> {
  const row = await db.environment.create({
    data: {
      ownerId: fx.actor.userId,
      label: "widgets",
      repo: host.repoUrl("acme/widgets"),
      defaultBranch: "main",
      approvalPolicy: "never",
      gitToken: sealSecret(TOKEN),
      forgeKind: double.kind,
      forgeApiUrl: double.apiUrl,
    },
  });
  return row.id;
}

async function readyTask(prompt: string, double?: ForgeDouble): Promise<string> {
  const taskId = await newTask(fx, prompt, { environmentId: await remoteEnvironment(double) });
  expect(await untilStatus(taskId, ["ready", "error"], 120_000)).toBe("ready");
  return taskId;
}

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`);

describe("pull requests on a remote environment", () => {
  it("opens one from the attempt's diff on a readable branch, then a follow-up pushes a second commit to the same branch", { timeout: 240_000 }, async () => {
    const taskId = await readyTask("/scenario edit\nAdd a greeting");
    const main = (await git(["rev-parse", "refs/heads/main"], { cwd: bare })).trim();

    const first = await deliverPullRequest(fx.actor, taskId, { draft: true });
    expect(first.created).toBe(true);
    expect(first.pullRequest).toMatchObject({ number: 1, state: "open", draft: true, attempt: 0 });
    expect(first.pullRequest.branch).toMatch(/^codex\/add-a-greeting-[a-z0-9]{8}$/);
    expect(await log(first.pullRequest.branch)).toEqual([[first.pullRequest.commit, main], [main]]);
    expect((await git(["show", `${first.pullRequest.commit}:CODEX_DEMO.md`], { cwd: bare }))).toContain("Add a greeting");
    const pull = forge.state.pulls[0]!;
    expect(pull).toMatchObject({ head: first.pullRequest.branch, base: "main" });
    expect(pull.body).toContain("Add a greeting");
    expect(pull.body).toContain("CODEX_DEMO.md");
    expect((await db.task.findUniqueOrThrow({ where: { id: taskId }, include: { pullRequest: true } })).pullRequest).toMatchObject({ url: first.pullRequest.url });

    await sendMessage(fx.actor, taskId, { text: "Also note this", attempt: 0 });
    await untilStatus(taskId, ["running"]).catch(() => undefined);
    expect(await untilStatus(taskId, ["ready", "error"], 120_000)).toBe("ready");
    const second = await deliverPullRequest(fx.actor, taskId, {});
    expect(second.created).toBe(false);
    expect(second.pullRequest).toMatchObject({ url: first.pullRequest.url, branch: first.pullRequest.branch, number: 1 });
    expect(second.pullRequest.commit).not.toBe(first.pullRequest.commit);
    expect(await log(first.pullRequest.branch)).toEqual([[second.pullRequest.commit, first.pullRequest.commit], [first.pullRequest.commit, main], [main]]);
    expect(await git(["show", `${second.pullRequest.commit}:notes/follow-up-1.md`], { cwd: bare })).toContain("Also note this");
    expect(forge.state.pulls).toHaveLength(1);

    const again = await deliverPullRequest(fx.actor, taskId, {});
    expect(again.pullRequest.commit, "nothing new: nothing pushed").toBe(second.pullRequest.commit);
    const actions = await db.auditLog.findMany({ where: { taskId, action: { startsWith: "pull_request." } }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["pull_request.create", "pull_request.push", "pull_request.update"]);

    forge.setPullState(1, "merged");
    expect((await getPullRequest(fx.actor, taskId)).state).toBe("merged");
    expect(await code(deliverPullRequest(fx.actor, taskId, {}))).toMatch(/^CONFLICT: Pull request #1 was merged meanwhile; nothing was pushed/);
  });

  it("a host that refuses the pull request leaves no branch and no row; a taken branch name is refused before pushing", { timeout: 240_000 }, async () => {
    const taskId = await readyTask("/scenario edit\nRefused here");
    forge.state.mode = "down";
    try {
      expect(await code(deliverPullRequest(fx.actor, taskId, { branchName: "codex/refused" }))).toMatch(/^UNAVAILABLE: Could not reach GitHub/);
    } finally {
      forge.state.mode = "up";
    }
    expect(await branchExists("codex/refused")).toBe(false);
    expect(await db.pullRequest.count({ where: { taskId } })).toBe(0);

    await git(["branch", "taken", "main"], { cwd: bare });
    const pushes = host.count("push", "acme");
    expect(await code(deliverPullRequest(fx.actor, taskId, { branchName: "taken" }))).toMatch(/^CONFLICT: Branch taken already exists/);
    expect(await code(deliverPullRequest(fx.actor, taskId, { branchName: "--upload-pack=x" }))).toMatch(/^VALIDATION_FAILED/);
    expect(host.count("push", "acme")).toBe(pushes);
    expect(await db.pullRequest.count({ where: { taskId } })).toBe(0);
  });

  for (const kind of ["gitlab", "gitea"] as const) {
    it(`${kind}: opens the request; an unknown base branch is refused with the host's reason and leaves no branch and no row`, { timeout: 240_000 }, async () => {
      let baseKnown = false;
      const double = await startForgeDouble({ kind, token: TOKEN, repo: "acme/widgets", hasBranch: async (name) => (name === "main" ? baseKnown : branchExists(name)) });
      try {
        const taskId = await readyTask(`/scenario edit\nOn ${kind}`, double);
        expect(await code(deliverPullRequest(fx.actor, taskId, { branchName: `codex/${kind}-unknown-base` }))).toMatch(/^VALIDATION_FAILED: .*main/);
        expect(await branchExists(`codex/${kind}-unknown-base`)).toBe(false);
        expect(await db.pullRequest.count({ where: { taskId } })).toBe(0);
        baseKnown = true;
        const { created, pullRequest } = await deliverPullRequest(fx.actor, taskId, { branchName: `codex/${kind}-ok`, draft: true });
        expect(created).toBe(true);
        expect(pullRequest).toMatchObject({ state: "open", draft: true, branch: `codex/${kind}-ok` });
        expect(pullRequest.url.startsWith(double.webUrl)).toBe(true);
        expect(double.state.pulls).toHaveLength(1);
      } finally {
        await double.close();
      }
    });
  }

  it("a local environment, or a remote one without a token, is told how it delivers instead; another user's task is not found", { timeout: 240_000 }, async () => {
    const local = await newTask(fx, "/scenario edit\nLocal", { environmentId: await fx.addEnvironment({ approvalPolicy: "never" }) });
    expect(await untilStatus(local, ["ready", "error"], 120_000)).toBe("ready");
    expect(await code(deliverPullRequest(fx.actor, local, {}))).toMatch(/^VALIDATION_FAILED: .*use Apply/);
    expect(await code(getPullRequest(fx.actor, local))).toMatch(/^NOT_FOUND/);
    const other = { ...fx.actor, userId: (await db.user.create({ data: { email: `pr-other-${Date.now()}@example.test` } })).id };
    expect(await code(deliverPullRequest(other, local, {}))).toMatch(/^NOT_FOUND/);

    const remote = await readyTask("/scenario edit\nNo token later");
    await db.environment.updateMany({ where: { tasks: { some: { id: remote } } }, data: { gitToken: null } });
    expect(await code(deliverPullRequest(fx.actor, remote, {}))).toMatch(/^VALIDATION_FAILED: Opening a pull request needs the environment's access token/);
    expect(await code(deliverPullRequest(other, remote, {}))).toMatch(/^NOT_FOUND/);
  });
});
