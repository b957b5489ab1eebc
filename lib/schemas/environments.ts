import { z } from "zod";
import { ZCredentialInput, ZCredentialState, ZForge, ZForgeInput } from "./environment-remote";
import { checkUniqueNames, INTERNET_MODES, ZAllowedDomains, ZNewSecrets, ZSecretsInput, ZVariables } from "./environment-env";

export const PROVIDERS = ["demo", "openai", "custom"] as const;
export const APPROVAL_POLICIES = ["untrusted", "on-request", "never"] as const;
export const SANDBOX_MODES = ["read-only", "workspace-write", "danger-full-access"] as const;

const ZModelInput = z
  .strictObject({
    provider: z.enum(PROVIDERS),
    model: z.string().trim().min(1).max(200).optional(),
    baseUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    /** Write-only: accepted here, never returned. */
    apiKey: z.string().min(1).max(4000).optional(),
  })
  .refine((m) => m.provider !== "custom" || m.baseUrl, { error: "A custom provider needs a baseUrl.", path: ["baseUrl"] });

const ZAutoApprove = z.strictObject({
  readOnlyCommands: z.boolean().default(false),
  commandPrefixes: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
});

const environmentFields = {
  label: z.string().trim().min(1, { error: "Give the environment a name." }).max(100),
  repo: z.string().trim().min(1, { error: "Give a repository path or URL." }).max(2000),
  defaultBranch: z.string().trim().min(1).max(250).optional(),
  setupScript: z.string().max(20_000).optional(),
  model: ZModelInput.optional(),
  approvalPolicy: z.enum(APPROVAL_POLICIES).optional(),
  sandbox: z.enum(SANDBOX_MODES).optional(),
  autoApprove: ZAutoApprove.optional(),
  approvalTimeoutSec: z.number().int().min(10).max(86_400).optional(),
  codexConfig: z.string().max(20_000).optional(),
  /** off: nothing reaches the internet; setup: only the setup script; on: setup and agent (limited to allowedDomains when given). */
  internet: z.enum(INTERNET_MODES).optional(),
  allowedDomains: ZAllowedDomains.optional(),
  variables: ZVariables.optional(),
  /** Write-only: values are stored sealed and returned as names only. */
  secrets: ZNewSecrets.optional(),
  /** Remote repositories only; detected for github.com and gitlab.com when not given. */
  forge: ZForgeInput.optional(),
  /** Write-only: how git reaches a remote repository (never in the URL). */
  credential: ZCredentialInput.optional(),
};

export const ZCreateEnvironmentRequest = z.strictObject(environmentFields).superRefine(checkUniqueNames);
export type TCreateEnvironmentRequest = z.infer<typeof ZCreateEnvironmentRequest>;

export const ZPatchEnvironmentRequest = z
  .strictObject({
    ...environmentFields,
    setupScript: environmentFields.setupScript.nullable(),
    codexConfig: environmentFields.codexConfig.nullable(),
    /** Replaces the set: `{name}` keeps that secret's value, a name left out is deleted. */
    secrets: ZSecretsInput,
    /** Left out: kept; null: no forge. */
    forge: environmentFields.forge.nullable(),
    /** Left out: kept; null: removed; a value replaces the stored one. */
    credential: environmentFields.credential.nullable(),
  })
  .partial()
  .superRefine(checkUniqueNames);
export type TPatchEnvironmentRequest = z.infer<typeof ZPatchEnvironmentRequest>;

export const ZEnvironment = z.object({
  id: z.string(),
  label: z.string(),
  repo: z.string(),
  defaultBranch: z.string(),
  setupScript: z.string().nullable(),
  model: z.object({
    provider: z.enum(PROVIDERS),
    model: z.string().nullable(),
    baseUrl: z.string().nullable(),
    hasApiKey: z.boolean(),
  }),
  approvalPolicy: z.enum(APPROVAL_POLICIES),
  sandbox: z.enum(SANDBOX_MODES),
  autoApprove: z.object({ readOnlyCommands: z.boolean(), commandPrefixes: z.array(z.string()) }),
  approvalTimeoutSec: z.number(),
  codexConfig: z.string().nullable(),
  internet: z.enum(INTERNET_MODES),
  allowedDomains: z.array(z.string()),
  variables: z.array(z.object({ name: z.string(), value: z.string() })),
  /** Names only: secret values never leave the server. */
  secrets: z.array(z.strictObject({ name: z.string() })),
  /** Remote environments: the forge pull requests go through, or null. */
  forge: ZForge.nullable(),
  /** Whether a credential is stored, never the credential. */
  credential: ZCredentialState.nullable(),
  /** Tokens the tasks on this environment have used, everyone's together. */
  totalTokens: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TEnvironment = z.infer<typeof ZEnvironment>;
