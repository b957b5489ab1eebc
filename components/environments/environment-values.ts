import type { Issue } from "@/lib/forms/issues";
import type { TInternet } from "@/lib/schemas/environment-env";
import { remoteTransport, type TForgeKind } from "@/lib/schemas/environment-remote";
import type { TCreateEnvironmentRequest, TEnvironment, TPatchEnvironmentRequest } from "@/lib/schemas/environments";

/** A secret row: `stored` ones came from the server, and an empty value keeps what is stored. */
export interface SecretRow {
  name?: string;
  value?: string;
  stored?: boolean;
}
export interface VariableRow {
  name?: string;
  value?: string;
}

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
  internet: TInternet;
  allowedDomains: string[];
  variables: VariableRow[];
  secrets: SecretRow[];
  /** Remote repositories: a new token (https) or ssh key (ssh); empty keeps the stored one. */
  token?: string;
  sshKey?: string;
  clearCredential?: boolean;
  forgeKind?: TForgeKind | null;
  forgeApiUrl?: string;
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
  internet: "internet",
  allowedDomains: "allowedDomains",
  variables: "variables",
  secrets: "secrets",
  credential: "token",
  "credential.token": "token",
  "credential.sshKey": "sshKey",
  forge: "forgeKind",
  "forge.kind": "forgeKind",
  "forge.apiUrl": "forgeApiUrl",
};

const LISTS = ["variables", "secrets"] as const;

/**
 * Issues about one row's name or value (`variables.2.name`) go under that input of the list;
 * the others are left for FIELD_OF_PATH.
 */
type RowField = [(typeof LISTS)[number], number, "name" | "value"];

export function rowIssues(issues: Issue[]): { rows: { name: RowField; errors: string[] }[]; rest: Issue[] } {
  const rows = new Map<string, { name: RowField; errors: string[] }>();
  const rest: Issue[] = [];
  for (const issue of issues) {
    const [list, index, key] = issue.path;
    if (issue.path.length === 3 && LISTS.includes(list as (typeof LISTS)[number]) && typeof index === "number" && (key === "name" || key === "value")) {
      const id = `${String(list)}.${index}.${key}`;
      const row = rows.get(id) ?? { name: [list, index, key] as RowField, errors: [] };
      row.errors.push(issue.message);
      rows.set(id, row);
    } else rest.push(issue);
  }
  return { rows: [...rows.values()], rest };
}

export const NEW_ENVIRONMENT: Partial<EnvironmentValues> = {
  provider: "demo",
  approvalPolicy: "untrusted",
  sandbox: "workspace-write",
  readOnlyCommands: false,
  commandPrefixes: [],
  approvalTimeoutSec: 300,
  internet: "setup",
  allowedDomains: [],
  variables: [],
  secrets: [],
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
    internet: e.internet,
    allowedDomains: e.allowedDomains,
    variables: e.variables.map((v) => ({ ...v })),
    secrets: e.secrets.map((s) => ({ name: s.name, stored: true })),
    forgeKind: e.forge?.kind ?? null,
    forgeApiUrl: e.forge?.apiUrl,
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
    internet: v.internet,
    // Hidden unless "on": then nothing is sent, and a stored list stays for when it is on again.
    allowedDomains: v.internet === "on" ? (v.allowedDomains ?? []) : undefined,
    ...entries(v, editing),
    ...remote(v, editing),
  };
}

/**
 * The credential and forge of a remote repository. A new token or key replaces the stored
 * credential; "remove" (or a repository that is no longer remote) clears it when editing. The
 * forge is detected on create when none is chosen; clearing it when editing means none.
 */
function remote(v: EnvironmentValues, editing: boolean): Pick<TPatchEnvironmentRequest, "credential" | "forge"> {
  const transport = remoteTransport(v.repo);
  const token = transport === "https" ? text(v.token) : undefined;
  const sshKey = transport === "ssh" && v.sshKey?.trim() ? v.sshKey : undefined;
  const credential = token ? { token } : sshKey ? { sshKey } : editing && (v.clearCredential || transport === null) ? null : undefined;
  if (!transport) return { credential, forge: editing ? null : undefined };
  const forge = v.forgeKind ? { kind: v.forgeKind, apiUrl: text(v.forgeApiUrl) } : editing ? null : undefined;
  return { credential, forge };
}

const blank = (row: { name?: string; value?: string }) => !row.name?.trim() && !row.value;

/** Name/value rows without the empty ones; a stored secret without a new value is sent by name (kept). */
function entries(v: EnvironmentValues, editing: boolean): Pick<TPatchEnvironmentRequest, "variables" | "secrets"> {
  const variables = (v.variables ?? []).filter((r) => !blank(r)).map((r) => ({ name: r.name?.trim() ?? "", value: r.value ?? "" }));
  // Only a stored secret may go without a value (kept); a new one gets "" and the schema asks for a value.
  const secrets = (v.secrets ?? [])
    .filter((r) => r.stored || !blank(r))
    .map((r) => ({ name: r.name?.trim() ?? "", ...(r.value || !r.stored ? { value: r.value ?? "" } : {}) }));
  // A new environment with none sends none; an edited one sends its full lists (they replace).
  if (!editing) return { variables: variables.length ? variables : undefined, secrets: secrets.length ? (secrets as { name: string; value: string }[]) : undefined };
  return { variables, secrets };
}
