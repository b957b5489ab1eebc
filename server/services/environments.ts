import type { TCreateEnvironmentRequest, TEnvironment, TPatchEnvironmentRequest } from "@/lib/schemas/environments";
import type { Actor } from "../auth/actor";
import { sealSecret } from "../auth/secret-box";
import { db } from "../db";
import { env } from "../env";
import type { Environment, Prisma } from "../generated/prisma/client";
import { removeMirror } from "../git/mirror";
import { assertValidBranchName, detectDefaultBranch, isGitUrl, validateRepo } from "../git/repo";
import { parseRemote } from "../git/remote-url";
import { AppError } from "../http/errors";
import { assertCanManageEnvironments, findEnvironment } from "../permissions/environments";
import { checkCodexConfig } from "../runner/codex-home";
import { assertCredentialFits, credentialColumns, nextCredential } from "./environment-credential";
import { envColumns } from "./environment-env-columns";
import { forgeColumns } from "./environment-forge";
import { policyToDb, sandboxToDb, toApiEnvironment } from "./environment-mapper";
import { checkRemote } from "./environment-remote";

type Fields = TPatchEnvironmentRequest;

/** A path or file:// URL must be a repository under ALLOWED_REPO_ROOTS; other URLs an allowed transport. */
async function resolveRepo(repo: string): Promise<string> {
  return validateRepo(repo, env().ALLOWED_REPO_ROOTS);
}

/** Extra config.toml must be something codex itself can load (checked by a throwaway app-server). */
async function assertCodexCanLoad(codexConfig: string | null | undefined): Promise<void> {
  if (!codexConfig?.trim()) return;
  const check = await checkCodexConfig({ provider: { provider: "demo", baseUrl: "http://127.0.0.1:9/v1" }, extraToml: codexConfig });
  if (!check.ok) {
    const message = `Codex cannot load this configuration: ${check.error}`;
    throw new AppError("VALIDATION_FAILED", message, [{ path: ["codexConfig"], message }]);
  }
}

/** An approval holds its task's process slot while it waits: no environment may wait longer than the instance allows. */
function assertApprovalTimeout(seconds: number | undefined): void {
  const max = env().MAX_APPROVAL_TIMEOUT_SEC;
  if (seconds === undefined || seconds <= max) return;
  const message = `approvalTimeoutSec may be at most ${max} seconds on this instance.`;
  throw new AppError("VALIDATION_FAILED", message, [{ path: ["approvalTimeoutSec"], message }]);
}

/** Validated column values for the fields present in a create or patch request. */
async function columns(input: Fields, repo: string | undefined): Promise<Prisma.EnvironmentUncheckedUpdateInput> {
  assertApprovalTimeout(input.approvalTimeoutSec);
  if (input.defaultBranch) await assertValidBranchName(input.defaultBranch, "defaultBranch");
  await assertCodexCanLoad(input.codexConfig);
  const data: Prisma.EnvironmentUncheckedUpdateInput = {
    label: input.label,
    repo,
    defaultBranch: input.defaultBranch,
    setupScript: input.setupScript,
    codexConfig: input.codexConfig,
    approvalTimeoutSec: input.approvalTimeoutSec,
    approvalPolicy: input.approvalPolicy && policyToDb(input.approvalPolicy),
    sandbox: input.sandbox && sandboxToDb(input.sandbox),
    autoApproveReadOnly: input.autoApprove?.readOnlyCommands,
    autoApprovePrefixes: input.autoApprove?.commandPrefixes,
  };
  if (input.model) {
    Object.assign(data, {
      modelProvider: input.model.provider,
      modelName: input.model.model ?? null,
      modelBaseUrl: input.model.baseUrl ?? null,
    });
    if (input.model.apiKey) data.apiKey = sealSecret(input.model.apiKey);
  }
  return data;
}

/**
 * The forge and credential columns of a remote repository, after checking that git can read it
 * with that credential (400 with git's reason otherwise); its branches and HEAD when it was checked.
 */
async function remoteColumns(opts: { repo: string; input: Fields; current: Environment | null; changed: boolean }) {
  const remote = parseRemote(opts.repo);
  // Unchanged repository and credential: nothing to check (nor to decrypt).
  const credential = opts.changed ? nextCredential(opts.input.credential, opts.current) : null;
  if (opts.changed) assertCredentialFits(credential, remote);
  const hostChanged = !opts.current || parseRemote(opts.current.repo)?.host !== remote?.host;
  const forge = forgeColumns({ input: opts.input.forge, remote, current: opts.current, hostChanged });
  const checked = remote && opts.changed ? await checkRemote({ repo: opts.repo, credential, forge: forge.forgeKind }) : null;
  const branch = opts.input.defaultBranch;
  if (checked && branch && checked.branches.length > 0 && !checked.branches.includes(branch)) {
    const message = `The remote has no branch "${branch}".`;
    throw new AppError("VALIDATION_FAILED", message, [{ path: ["defaultBranch"], message }]);
  }
  return { checked, data: { ...forge, ...credentialColumns(opts.input.credential) } };
}

export async function createEnvironment(actor: Actor, input: TCreateEnvironmentRequest): Promise<TEnvironment> {
  assertCanManageEnvironments(actor);
  const repo = await resolveRepo(input.repo);
  const base = { ...(await columns(input, repo)), ...envColumns(input, null) };
  const remote = await remoteColumns({ repo, input, current: null, changed: true });
  const defaultBranch = input.defaultBranch ?? (remote.checked ? (remote.checked.head ?? "main") : isGitUrl(repo) ? "main" : await detectDefaultBranch(repo));
  const row = await db.environment.create({
    data: {
      ...(base as Prisma.EnvironmentUncheckedCreateInput),
      ...remote.data,
      defaultBranch,
      ownerId: actor.userId,
      modelProvider: input.model?.provider ?? (env().OPENAI_API_KEY ? "openai" : "demo"),
    },
  });
  return toApiEnvironment(row);
}

/** Every environment of the instance: they are shared by all signed-in users. */
/** Tokens used by the tasks of each environment given (all users' tasks together). */
async function tokensUsed(ids: string[]): Promise<Map<string, number>> {
  const sums = await db.task.groupBy({ by: ["environmentId"], where: { environmentId: { in: ids } }, _sum: { totalTokens: true } });
  return new Map(sums.map((s) => [s.environmentId, s._sum.totalTokens ?? 0]));
}

export async function listEnvironments(_actor: Actor): Promise<TEnvironment[]> {
  const rows = await db.environment.findMany({ orderBy: { createdAt: "desc" } });
  const used = await tokensUsed(rows.map((r) => r.id));
  return rows.map((row) => toApiEnvironment(row, used.get(row.id)));
}

export async function getEnvironment(_actor: Actor, id: string): Promise<TEnvironment> {
  const row = await findEnvironment(id);
  return toApiEnvironment(row, (await tokensUsed([id])).get(id));
}

export async function updateEnvironment(actor: Actor, id: string, input: TPatchEnvironmentRequest): Promise<TEnvironment> {
  assertCanManageEnvironments(actor);
  const current = await findEnvironment(id);
  const repo = input.repo === undefined ? undefined : await resolveRepo(input.repo);
  const data = await columns(input, repo);
  const changed = (repo !== undefined && repo !== current.repo) || input.credential !== undefined || input.forge !== undefined;
  const remote = await remoteColumns({ repo: repo ?? current.repo, input, current, changed });
  // Under a row lock: kept secrets are read and written back by one request at a time.
  const row = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Environment" WHERE id = ${id} FOR UPDATE`;
    const locked = await tx.environment.findUniqueOrThrow({ where: { id }, select: { variables: true, secrets: true } });
    return tx.environment.update({ where: { id }, data: { ...data, ...remote.data, ...envColumns(input, locked) } });
  });
  return toApiEnvironment(row, (await tokensUsed([row.id])).get(row.id));
}

/** Refused while tasks use the environment: deleting it would delete their history. */
export async function deleteEnvironment(actor: Actor, id: string): Promise<void> {
  assertCanManageEnvironments(actor);
  await findEnvironment(id);
  const tasks = await db.task.count({ where: { environmentId: id } });
  if (tasks > 0) throw new AppError("CONFLICT", `This environment has ${tasks} task(s); delete or keep them first.`);
  await db.environment.delete({ where: { id } });
  await removeMirror(id);
}
