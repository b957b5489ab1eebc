import type { TCreateEnvironmentRequest, TEnvironment, TPatchEnvironmentRequest } from "@/lib/schemas/environments";

/** The environment form's flat values, and how they map to and from the API's nested shape. */
export interface EnvironmentValues {
  label: string;
  repo: string;
  defaultBranch?: string;
  setupScript?: string;
  provider: TEnvironment["model"]["provider"];
  modelName?: string;
  baseUrl?: string;
  apiKey?: string;
  approvalPolicy: TEnvironment["approvalPolicy"];
  sandbox: TEnvironment["sandbox"];
  readOnlyCommands: boolean;
  commandPrefixes: string[];
  approvalTimeoutSec: number;
  codexConfig?: string;
}

/** API issue path (joined with ".") → the form field that shows it. */
export const FIELD_OF_PATH: Record<string, keyof EnvironmentValues> = {
  label: "label",
  repo: "repo",
  defaultBranch: "defaultBranch",
  setupScript: "setupScript",
  model: "provider",
  "model.model": "modelName",
  "model.baseUrl": "baseUrl",
  "model.apiKey": "apiKey",
  approvalPolicy: "approvalPolicy",
  sandbox: "sandbox",
  autoApprove: "readOnlyCommands",
  "autoApprove.commandPrefixes": "commandPrefixes",
  approvalTimeoutSec: "approvalTimeoutSec",
  codexConfig: "codexConfig",
};

export const NEW_ENVIRONMENT: Partial<EnvironmentValues> = {
  provider: "demo",
  approvalPolicy: "untrusted",
  sandbox: "workspace-write",
  readOnlyCommands: false,
  commandPrefixes: [],
  approvalTimeoutSec: 300,
};

export function fromEnvironment(e: TEnvironment): EnvironmentValues {
  return {
    label: e.label,
    repo: e.repo,
    defaultBranch: e.defaultBranch,
    setupScript: e.setupScript ?? undefined,
    provider: e.model.provider,
    modelName: e.model.model ?? undefined,
    baseUrl: e.model.baseUrl ?? undefined,
    approvalPolicy: e.approvalPolicy,
    sandbox: e.sandbox,
    readOnlyCommands: e.autoApprove.readOnlyCommands,
    commandPrefixes: e.autoApprove.commandPrefixes,
    approvalTimeoutSec: e.approvalTimeoutSec,
    codexConfig: e.codexConfig ?? undefined,
  };
}

const text = (v: string | undefined) => v?.trim() || undefined;

/** The request body; when editing, emptied optional texts are sent as null to clear them. */
export function toRequest(v: EnvironmentValues, editing: boolean): TCreateEnvironmentRequest | TPatchEnvironmentRequest {
  const cleared = editing ? null : undefined;
  return {
    label: v.label?.trim() ?? "",
    repo: v.repo?.trim() ?? "",
    defaultBranch: text(v.defaultBranch),
    setupScript: text(v.setupScript) ?? cleared,
    model: {
      provider: v.provider,
      model: v.provider === "demo" ? undefined : text(v.modelName),
      baseUrl: v.provider === "custom" ? text(v.baseUrl) : undefined,
      apiKey: v.provider === "demo" ? undefined : text(v.apiKey),
    },
    approvalPolicy: v.approvalPolicy,
    sandbox: v.sandbox,
    autoApprove: { readOnlyCommands: v.readOnlyCommands, commandPrefixes: v.commandPrefixes ?? [] },
    approvalTimeoutSec: v.approvalTimeoutSec,
    codexConfig: text(v.codexConfig) ?? cleared,
  };
}
