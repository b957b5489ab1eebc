import { AppError } from "../http/errors";
import { FORGE_NAMES } from "./errors";
import { giteaForge } from "./gitea";
import { githubForge } from "./github";
import { gitlabForge } from "./gitlab";
import type { Forge, ForgeConfig } from "./types";

export { pullRequestBranch, pullRequestBranchName } from "./branch-name";
export { FORGE_NAMES, ForgeError, type ForgeFailure } from "./errors";
export { composePullRequest, MAX_BODY_LENGTH, type PullRequestTextOptions } from "./pr-text";
export { parseRepoUrl, type RepoLocation } from "./repo-url";
export type * from "./types";

const FORGES = { github: githubForge, gitlab: gitlabForge, gitea: giteaForge } as const;

/** The forge client for an environment's `forge` and credential token. */
export function forgeFor(config: ForgeConfig): Forge {
  let url: URL | undefined;
  try {
    url = new URL(config.apiUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    throw new AppError("VALIDATION_FAILED", `The ${FORGE_NAMES[config.kind]} API URL must be an http(s) address with no query, such as https://git.example.com/api/v4.`);
  }
  return FORGES[config.kind](config);
}
