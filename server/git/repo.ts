import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../http/errors";
import { git, gitOk } from "./git";
import { credentialInUrl, parseRemote } from "./remote-url";

const GIT_URL = /^(https?:\/\/|ssh:\/\/|git:\/\/|file:\/\/\/|[\w.-]+@[\w.-]+:)/;

export function isGitUrl(repo: string): boolean {
  return GIT_URL.test(repo);
}

const ALLOWED_TRANSPORTS = ["https", "ssh", "git", "file"];
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const SCP_LIKE = /^[\w.-]+@([\w.-]+):/;

/**
 * A repository given as a URL or a path. URLs must use https, ssh (ssh:// or `user@host:path`),
 * git or file; remote helpers (`ext::`, `fd::`, any `transport::address`) and every other
 * scheme are refused. A file:// URL must name a repository under the allowed roots, exactly
 * like an absolute path. A URL carrying a password or token is refused: credentials go in the
 * environment's `credential`. Returns what to store: the URL as given, or the resolved path.
 */
export async function validateRepo(repo: string, allowedRoots: string[]): Promise<string> {
  const remote = parseRemote(repo);
  const inUrl = remote && credentialInUrl(remote);
  if (inUrl) throw invalid(inUrl);
  if (repo.includes("::")) throw invalid("Git remote helpers (transport::address) are not allowed: use https://, ssh://, git://, file:// or an absolute path.");
  const scheme = SCHEME.exec(repo)?.[1]?.toLowerCase();
  if (scheme !== undefined && !ALLOWED_TRANSPORTS.includes(scheme)) {
    throw invalid(`The ${scheme}:// transport is not allowed: use https://, ssh://, git://, file:// or an absolute path.`);
  }
  if (scheme === "file") {
    const filePath = repo.slice("file://".length);
    if (!filePath.startsWith("/") || /[%?#]/.test(filePath)) throw invalid("A file:// URL must be file:/// followed by an absolute path, with no host, escapes, query or fragment.");
    await validateRepoPath(filePath, allowedRoots);
    return repo;
  }
  if (scheme !== undefined) {
    // An option-like host ("ssh://-oProxyCommand=…") must never reach ssh.
    if (/^[a-z]+:\/\/([^/@]*@)?-/i.test(repo)) throw invalid("The repository URL's host must not start with '-'.");
    return repo;
  }
  const scp = SCP_LIKE.exec(repo);
  if (scp) return repo;
  if (repo.startsWith("-")) throw invalid("The repository must be an absolute path or a git URL.");
  if (!path.isAbsolute(repo) && /^[^/]*:/.test(repo)) {
    throw invalid("Unsupported repository address: use https://, ssh://, git://, file://, user@host:path or an absolute path.");
  }
  return validateRepoPath(repo, allowedRoots);
}

function within(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** A repository path must be absolute, normalised, under an allowed root and a git repository. */
export async function validateRepoPath(repo: string, allowedRoots: string[]): Promise<string> {
  if (!path.isAbsolute(repo)) throw invalid("The repository must be an absolute path or a git URL.");
  if (repo.includes("//") || repo.split("/").some((part) => part === ".." || part === ".")) {
    throw invalid("The repository path must not contain '.', '..' or repeated slashes.");
  }
  const resolved = path.resolve(repo);
  if (!allowedRoots.some((root) => within(root, resolved))) {
    throw invalid(`The repository must be under one of the allowed folders: ${allowedRoots.join(", ")}.`);
  }
  const info = await stat(resolved).catch(() => null);
  if (!info?.isDirectory()) throw invalid(`No folder at ${resolved}.`);
  // A symbolic link under an allowed root may point anywhere: the real location must be allowed too.
  const real = await realpath(resolved);
  const realRoots = await Promise.all(allowedRoots.map((root) => realpath(root).catch(() => root)));
  if (!realRoots.some((root) => within(root, real))) {
    throw invalid(`The repository must be under one of the allowed folders: ${allowedRoots.join(", ")}.`);
  }
  if (!(await isRepositoryRoot(real))) throw invalid(`${resolved} is not a git repository.`);
  return resolved;
}

/** The top of a work tree, or a bare repository itself; a folder somewhere inside a repository is not one. */
async function isRepositoryRoot(dir: string): Promise<boolean> {
  const ask = (flag: string) => git(["rev-parse", flag], { cwd: dir }).then((out) => out.trim(), () => null);
  if ((await ask("--is-bare-repository")) === "true") return (await ask("--git-dir")) === ".";
  const top = await ask("--show-toplevel");
  return top !== null && (await realpath(top).catch(() => top)) === dir;
}

/** The branch HEAD points at (also in a repository with no commit yet). */
export async function detectDefaultBranch(repo: string): Promise<string> {
  const head = await git(["symbolic-ref", "--quiet", "--short", "HEAD"], { cwd: repo }).catch(() => "");
  return head.trim() || "main";
}

/** Refuses names git would misread (options, ranges, traversal) before they reach a command. */
export async function assertValidBranchName(name: string, field = "branch"): Promise<void> {
  const ok = !name.startsWith("-") && (await gitOk(["check-ref-format", "--branch", name], { cwd: "/" }));
  if (!ok) throw invalid(`"${name}" is not a valid branch name.`, field);
}

export async function branchExists(repo: string, branch: string): Promise<boolean> {
  return gitOk(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`], { cwd: repo });
}

function invalid(message: string, field = "repo"): AppError {
  return new AppError("VALIDATION_FAILED", message, [{ path: [field], message }]);
}
