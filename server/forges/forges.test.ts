import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ForgeDouble, startForgeDouble } from "../test/forge-doubles";
import { FORGE_NAMES, ForgeError } from "./errors";
import { forgeFor } from "./index";
import type { Forge, ForgeKind, RepoRef } from "./types";

const TOKEN = "glpat-SECRET-token-value";

const CASES: { kind: ForgeKind; repo: RepoRef; page: string; draftTitle: string; unknownBase: string }[] = [
  { kind: "github", repo: { owner: "acme", name: "widgets" }, page: "acme/widgets/pull", draftTitle: "Fix it", unknownBase: "Validation Failed; base invalid" },
  { kind: "gitlab", repo: { owner: "acme/platform", name: "widgets" }, page: "acme/platform/widgets/-/merge_requests", draftTitle: "Draft: Fix it", unknownBase: 'Target branch "nope" does not exist' },
  { kind: "gitea", repo: { owner: "acme", name: "widgets" }, page: "acme/widgets/pulls", draftTitle: "WIP: Fix it", unknownBase: "BaseNotExist" },
];

async function failure(promise: Promise<unknown>): Promise<ForgeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ForgeError);
  const forgeError = error as ForgeError;
  expect(JSON.stringify({ message: forgeError.message, details: forgeError.details })).not.toContain(TOKEN);
  return forgeError;
}

describe.each(CASES)("$kind", ({ kind, repo, page, draftTitle, unknownBase }) => {
  let double: ForgeDouble;
  let forge: Forge;
  const request = { repo, head: "codex/fix-it-1a2b3c4d", base: "main", title: "Fix it", body: "The body", draft: false };
  const name = FORGE_NAMES[kind];

  beforeEach(async () => {
    double = await startForgeDouble({ kind, token: TOKEN, repo: `${repo.owner}/${repo.name}`, branches: ["main", request.head] });
    forge = forgeFor({ kind, apiUrl: double.apiUrl, token: TOKEN });
  });
  afterEach(() => double.close());

  it("opens a pull request and answers its web page, number and state", async () => {
    const pr = await forge.openPullRequest(request);
    expect(pr).toEqual({ url: `${double.webUrl}/${page}/1`, number: 1, state: "open", draft: false });
    expect(double.state.pulls[0]).toMatchObject({ head: request.head, base: "main", title: "Fix it", body: "The body" });
  });

  it("opens a draft the way the forge marks one", async () => {
    const pr = await forge.openPullRequest({ ...request, draft: true });
    expect(pr).toMatchObject({ number: 1, state: "open", draft: true });
    expect(double.state.pulls[0]!.title).toBe(draftTitle);
    expect((await forge.getPullRequest({ repo, number: 1 })).draft).toBe(true);
  });

  it("reads the state: open, merged, closed", async () => {
    const { number } = await forge.openPullRequest(request);
    expect((await forge.getPullRequest({ repo, number })).state).toBe("open");
    double.setPullState(number, "merged");
    expect((await forge.getPullRequest({ repo, number })).state).toBe("merged");
    double.setPullState(number, "closed");
    expect(await forge.getPullRequest({ repo, number })).toEqual({ url: `${double.webUrl}/${page}/1`, number, state: "closed", draft: false });
  });

  it("updates the body and finds the open pull request of a branch pair", async () => {
    const { number } = await forge.openPullRequest(request);
    await forge.updatePullRequest({ repo, number, body: "After a follow-up" });
    expect(double.state.pulls[0]!.body).toBe("After a follow-up");
    expect(await forge.findOpenPullRequest({ repo, head: request.head, base: "main" })).toMatchObject({ number });
    expect(await forge.findOpenPullRequest({ repo, head: "codex/other", base: "main" })).toBeUndefined();
    double.setPullState(number, "merged");
    expect(await forge.findOpenPullRequest({ repo, head: request.head, base: "main" })).toBeUndefined();
  });

  it("a refused token: 400 naming the forge, nothing created", async () => {
    const wrong = forgeFor({ kind, apiUrl: double.apiUrl, token: "wrong-token" });
    const error = await failure(wrong.openPullRequest(request));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", failure: "unauthorized", forgeStatus: 401 });
    expect(error.message).toMatch(new RegExp(`^${name} refused the environment's token when asked to open a (pull|merge) request`));
    expect(double.state.pulls).toHaveLength(0);
  });

  it("an unknown base branch: 400 with the forge's reason, nothing created", async () => {
    const error = await failure(forge.openPullRequest({ ...request, base: "nope" }));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", failure: "rejected" });
    expect(error.message).toContain(unknownBase);
    expect(double.state.pulls).toHaveLength(0);
  });

  it("a pull request already open for the branch: 409 that identifies it", async () => {
    const first = await forge.openPullRequest(request);
    const error = await failure(forge.openPullRequest({ ...request, title: "Again" }));
    expect(error).toMatchObject({ code: "CONFLICT", failure: "duplicate", existing: first });
    expect(error.message).toContain(first.url);
    expect(double.state.pulls).toHaveLength(1);
  });

  it("another refusal stays a refusal while a pull request is open (GitHub: any 422 then counts as the duplicate)", async () => {
    await forge.openPullRequest(request);
    // GitHub answers every validation failure, a duplicate included, with 422 and no distinct code.
    const expected = kind === "github" ? { code: "CONFLICT", failure: "duplicate" } : { code: "VALIDATION_FAILED", failure: "rejected" };
    expect(await failure(forge.openPullRequest({ ...request, title: "" }))).toMatchObject(expected);
  });

  it("a forge that is down: 503 'could not reach'", async () => {
    double.state.mode = "down";
    const error = await failure(forge.openPullRequest(request));
    expect(error).toMatchObject({ code: "UNAVAILABLE", failure: "unreachable", forgeStatus: 503 });
    expect(error.message).toBe(`Could not reach ${name} at ${double.apiUrl}: it answered 503 (Service Unavailable).`);
    expect(double.state.pulls).toHaveLength(0);
  });

  it("connection refused and no answer in time: 503 'could not reach'", async () => {
    double.state.mode = "hang";
    const slow = forgeFor({ kind, apiUrl: double.apiUrl, token: TOKEN, timeoutMs: 300 });
    expect((await failure(slow.getPullRequest({ repo, number: 1 }))).message).toBe(`Could not reach ${name} at ${double.apiUrl}: no answer within 0.3 s.`);
    await double.close();
    const refused = await failure(forge.openPullRequest(request));
    expect(refused).toMatchObject({ code: "UNAVAILABLE", failure: "unreachable" });
    expect(refused.message).toBe(`Could not reach ${name} at ${double.apiUrl}: connection refused.`);
  });
});
