import type { RepoRef } from "./types";

export interface RepoLocation extends RepoRef {
  /** Lowercase host name, without user or port. */
  host: string;
  /** For http(s) remotes, scheme, host and port: where the forge's web and API answer. */
  origin?: string;
}

const SCHEME_URL = /^(?:https?|ssh|git):\/\//i;
// user@host:path or host:path, as git reads it: no slash before the first colon.
const SCP_LIKE = /^(?:[^@/]+@)?([^@/:]+):(?!\/\/)(.+)$/;

/**
 * Host and repository of a remote URL: https://host/owner/repo(.git), ssh://git@host:22/owner/repo.git,
 * git@host:owner/repo.git, and GitLab's nested groups (owner "group/sub"). Undefined for
 * anything else (local paths, file:// URLs, a path without owner and name).
 */
export function parseRepoUrl(remote: string): RepoLocation | undefined {
  let host: string;
  let path: string;
  let origin: string | undefined;
  if (SCHEME_URL.test(remote)) {
    let url: URL;
    try {
      url = new URL(remote);
    } catch {
      return undefined;
    }
    host = url.hostname;
    path = url.pathname;
    if (url.protocol.startsWith("http")) origin = url.origin;
  } else {
    const scp = SCP_LIKE.exec(remote);
    if (!scp) return undefined;
    [, host = "", path = ""] = scp;
  }
  const location = locate(host.toLowerCase(), path);
  return location && origin ? { ...location, origin } : location;
}

function locate(host: string, path: string): RepoLocation | undefined {
  // A pasted GitLab page address ("…/repo/-/tree/main") names the same project.
  const projectPath = path.split("/-/")[0]!.replace(/\/+$/, "").replace(/\.git$/, "");
  let segments: string[];
  try {
    segments = projectPath.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  if (!host || segments.length < 2 || segments.some((s) => s === "." || s === ".." || s.includes("/"))) return undefined;
  return { host, owner: segments.slice(0, -1).join("/"), name: segments.at(-1)! };
}
