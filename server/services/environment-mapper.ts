import type { TEnvironment } from "@/lib/schemas/environments";
import type { ApprovalPolicy, Environment, SandboxMode } from "../generated/prisma/client";
import { credentialState } from "./environment-credential";
import { storedSecrets, storedVariables } from "./environment-env";
import { forgeToApi } from "./environment-forge";

// Database enums use underscores; the API uses the codex spellings with hyphens.
export const policyToApi = (p: ApprovalPolicy) => p.replace("_", "-") as TEnvironment["approvalPolicy"];
export const policyToDb = (p: TEnvironment["approvalPolicy"]) => p.replace("-", "_") as ApprovalPolicy;
export const sandboxToApi = (s: SandboxMode) => s.replaceAll("_", "-") as TEnvironment["sandbox"];
export const sandboxToDb = (s: TEnvironment["sandbox"]) => s.replaceAll("-", "_") as SandboxMode;

export function toApiEnvironment(row: Environment, totalTokens = 0): TEnvironment {
  return {
    id: row.id,
    label: row.label,
    repo: row.repo,
    defaultBranch: row.defaultBranch,
    setupScript: row.setupScript,
    model: {
      provider: row.modelProvider,
      model: row.modelName,
      baseUrl: row.modelBaseUrl,
      hasApiKey: row.apiKey !== null,
    },
    approvalPolicy: policyToApi(row.approvalPolicy),
    sandbox: sandboxToApi(row.sandbox),
    autoApprove: { readOnlyCommands: row.autoApproveReadOnly, commandPrefixes: row.autoApprovePrefixes },
    approvalTimeoutSec: row.approvalTimeoutSec,
    codexConfig: row.codexConfig,
    internet: row.internet,
    allowedDomains: row.allowedDomains,
    variables: storedVariables(row),
    // Names only: a sealed value is no business of any client either.
    secrets: storedSecrets(row).map(({ name }) => ({ name })),
    forge: forgeToApi(row),
    credential: credentialState(row),
    totalTokens,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
