// What a repository address says about where it lives: a remote (https, ssh, scp-style, git)
// served by a git host, or a repository on this server (a path or file:// URL).

export type RemoteTransport = "https" | "ssh" | "git";

export interface RemoteAddress {
  transport: RemoteTransport;
  /** Lower-case host name (IPv6 without brackets), no port. */
  host: string;
  /** Given in the URL, else undefined. */
  port?: number;
  /** The userinfo before "@", as written (ssh's "git", or a credential that must not be there). */
  userinfo?: string;
}

const SCP_LIKE = /^([^@/:]+(?::[^@/]*)?)@([\w.-]+):(?!\/\/)/;

/** The remote a URL names, or null for a local repository (path, file://) or something else. */
export function parseRemote(repo: string): RemoteAddress | null {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(repo)?.[1]?.toLowerCase();
  if (scheme === "https" || scheme === "ssh" || scheme === "git") {
    let url: URL;
    try {
      url = new URL(repo);
    } catch {
      return null;
    }
    const raw = /^[a-z]+:\/\/([^/@]*)@/i.exec(repo)?.[1];
    return {
      transport: scheme,
      host: url.hostname.replace(/^\[|\]$/g, "").toLowerCase(),
      port: url.port ? Number(url.port) : undefined,
      userinfo: raw,
    };
  }
  if (scheme !== undefined) return null;
  const scp = SCP_LIKE.exec(repo);
  if (scp) return { transport: "ssh", host: scp[2]!.toLowerCase(), userinfo: scp[1] };
  return null;
}

export const isRemoteRepo = (repo: string) => parseRemote(repo) !== null;

/**
 * Why the URL must not be stored as given, or null: https and git URLs carry no userinfo at all
 * (a token as user name is still a token), ssh ones at most a user name.
 */
export function credentialInUrl(address: RemoteAddress): string | null {
  if (address.userinfo === undefined) return null;
  const where = "put the token or key in the environment's credential field (credential.token or credential.sshKey) instead";
  if (address.transport === "ssh" && !address.userinfo.includes(":")) return null;
  if (address.transport === "ssh") return `The repository URL must not carry a password: ${where}.`;
  return `The repository URL must not carry a user name, password or token: ${where}.`;
}
