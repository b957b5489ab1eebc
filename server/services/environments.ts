import type { TCreateEnvironmentRequest, TEnvironment, TPatchEnvironmentRequest } from "@/lib/schemas/environments";
import type { Actor } from "../auth/actor";
import { sealSecret } from "../auth/secret-box";
import { db } from "../db";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { assertValidBranchName, detectDefaultBranch, isGitUrl, validateRepo } from "../git/repo";
import { AppError } from "../http/errors";
import { assertCanManageEnvironments, findEnvironment } from "../permissions/environments";
import { checkCodexConfig } from "../runner/codex-home";
import { envColumns } from "./environment-env-columns";
import { policyToDb, sandboxToDb, toApiEnvironment } from "./environment-mapper";

type Fields = TPatchEnvironmentRequest;

/** A path or file:// URL must be a repository under ALLOWED_REPO_ROOTS; other URLs an allowed transport. */
async function resolveRepo(repo: string): Promise<string> {
  return validateRepo(repo, env().ALLOWED_REPO_ROOTS);
}

/** Validated column values for the fields present in a create or patch request. */
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

export async function createEnvironment(actor: Actor, input: TCreateEnvironmentRequest): Promise<TEnvironment> {
  assertCanManageEnvironments(actor);
  const repo = await resolveRepo(input.repo);
  const defaultBranch = input.defaultBranch ?? (isGitUrl(repo) ? "main" : await detectDefaultBranch(repo));
  const data = { ...(await columns({ ...input, defaultBranch }, repo)), ...envColumns(input, null) };
  const row = await db.environment.create({
    data: {
      ...(data as Prisma.EnvironmentUncheckedCreateInput),
      ownerId: actor.userId,
      modelProvider: input.model?.provider ?? (env().OPENAI_API_KEY ? "openai" : "demo"),
    },
  });
  return toApiEnvironment(row);
}

/** Every environment of the instance: they are shared by all signed-in users. */
export async function listEnvironments(_actor: Actor): Promise<TEnvironment[]> {
  const rows = await db.environment.findMany({ orderBy: { createdAt: "desc" } });
  return rows.map(toApiEnvironment);
}

export async function getEnvironment(_actor: Actor, id: string): Promise<TEnvironment> {
  return toApiEnvironment(await findEnvironment(id));
}

export async function updateEnvironment(actor: Actor, id: string, input: TPatchEnvironmentRequest): Promise<TEnvironment> {
  assertCanManageEnvironments(actor);
  await findEnvironment(id);
  const repo = input.repo === undefined ? undefined : await resolveRepo(input.repo);
  const data = await columns(input, repo);
  // Under a row lock: kept secrets are read and written back by one request at a time.
  const row = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Environment" WHERE id = ${id} FOR UPDATE`;
    const current = await tx.environment.findUniqueOrThrow({ where: { id }, select: { variables: true, secrets: true } });
    return tx.environment.update({ where: { id }, data: { ...data, ...envColumns(input, current) } });
  });
  return toApiEnvironment(row);
}

/** Refused while tasks use the environment: deleting it would delete their history. */
export async function deleteEnvironment(actor: Actor, id: string): Promise<void> {
  assertCanManageEnvironments(actor);
  await findEnvironment(id);
  const tasks = await db.task.count({ where: { environmentId: id } });
  if (tasks > 0) throw new AppError("CONFLICT", `This environment has ${tasks} task(s); delete or keep them first.`);
  await db.environment.delete({ where: { id } });
}
