import type { TForgeInput } from "@/lib/schemas/environment-remote";
import type { TEnvironment } from "@/lib/schemas/environments";
import type { Environment, ForgeKind } from "../generated/prisma/client";
import type { RemoteAddress } from "../git/remote-url";
import { AppError } from "../http/errors";

// Which forge a remote environment's pull requests go through: detected for github.com and
// gitlab.com, chosen by the administrator for self-hosted hosts (GitHub Enterprise, GitLab
// self-managed, Gitea/Forgejo), with the REST API's base URL given or derived from the host.

type Columns = Pick<Environment, "forgeKind" | "forgeApiUrl">;

const KNOWN: Record<string, { kind: ForgeKind; apiUrl: string }> = {
  "github.com": { kind: "github", apiUrl: "https://api.github.com" },
  "gitlab.com": { kind: "gitlab", apiUrl: "https://gitlab.com/api/v4" },
};
const API_PATH: Record<ForgeKind, string> = { github: "/api/v3", gitlab: "/api/v4", gitea: "/api/v1" };

const hostOf = (remote: RemoteAddress) => remote.host.replace(/^www\./, "");

/**
 * The API URL of a forge on the remote's host: the public ones' own, else https://host/api/…
 * (with an https remote's port; an ssh port says nothing about the web's).
 */
export function defaultApiUrl(kind: ForgeKind, remote: RemoteAddress): string {
  const known = KNOWN[hostOf(remote)];
  if (known?.kind === kind) return known.apiUrl;
  const host = remote.host.includes(":") ? `[${remote.host}]` : remote.host;
  const port = remote.transport === "https" && remote.port ? `:${remote.port}` : "";
  return `https://${host}${port}${API_PATH[kind]}`;
}

export function detectForge(remote: RemoteAddress | null): Columns {
  const known = remote && KNOWN[hostOf(remote)];
  return known ? { forgeKind: known.kind, forgeApiUrl: known.apiUrl } : { forgeKind: null, forgeApiUrl: null };
}

/**
 * The forge columns after a create or patch: given → stored (API URL derived when left out);
 * null → none; left out → detected on create or when the repository moved to another host, else kept.
 */
export function forgeColumns(opts: { input: TForgeInput | null | undefined; remote: RemoteAddress | null; current: Columns | null; hostChanged: boolean }): Columns {
  const { input, remote } = opts;
  if (input && !remote) {
    const message = "Only a remote repository (https, ssh or git URL) has a forge.";
    throw new AppError("VALIDATION_FAILED", message, [{ path: ["forge"], message }]);
  }
  if (input) return { forgeKind: input.kind, forgeApiUrl: input.apiUrl ?? defaultApiUrl(input.kind, remote!) };
  if (input === null) return { forgeKind: null, forgeApiUrl: null };
  if (!opts.current || opts.hostChanged) return detectForge(remote);
  return { forgeKind: opts.current.forgeKind, forgeApiUrl: opts.current.forgeApiUrl };
}

export function forgeToApi(row: Columns): TEnvironment["forge"] {
  return row.forgeKind && row.forgeApiUrl ? { kind: row.forgeKind, apiUrl: row.forgeApiUrl } : null;
}
