import { AppError } from "../http/errors";
import { FORGE_NAMES, FORGE_TERMS, ForgeError } from "./errors";
import type { Forge, ForgeKind, OpenPullRequestOptions, PullRequest, RepoRef } from "./types";

/** `/repos/{owner}/{repo}` for GitHub and Gitea, which have no nested groups. */
export function ownerRepoPath({ kind, repo }: { kind: ForgeKind; repo: RepoRef }): string {
  if (!repo.owner || repo.owner.includes("/") || !repo.name) {
    throw new AppError("VALIDATION_FAILED", `${FORGE_NAMES[kind]} repositories are owner/name; "${repo.owner}/${repo.name}" is not.`);
  }
  return `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
}

export const repoLabel = (repo: RepoRef) => `${repo.owner}/${repo.name}`;

interface ActionOptions {
  kind: ForgeKind;
  repo: RepoRef;
  number: number;
}

const mention = ({ kind, number }: Omit<ActionOptions, "repo">) => `${FORGE_TERMS[kind].noun} ${FORGE_TERMS[kind].ref(number)}`;

/** What a call was asked to do, for messages: "read merge request !3 of group/repo". */
export const action = {
  open: ({ kind, request }: { kind: ForgeKind; request: OpenPullRequestOptions }) =>
    `open a ${FORGE_TERMS[kind].noun} from ${request.head} into ${request.base} on ${repoLabel(request.repo)}`,
  read: (opts: ActionOptions) => `read ${mention(opts)} of ${repoLabel(opts.repo)}`,
  update: (opts: ActionOptions) => `update ${mention(opts)} of ${repoLabel(opts.repo)}`,
  find: ({ kind, head, base }: { kind: ForgeKind; head: string; base: string }) => `find the ${FORGE_TERMS[kind].noun} from ${head} into ${base}`,
};

export interface OpenUnlessDuplicateOptions {
  forge: Forge;
  request: OpenPullRequestOptions;
  open: () => Promise<PullRequest>;
  /** The status the forge refuses a duplicate with: 409 (GitLab, Gitea), 422 (GitHub, among other validation failures). */
  duplicateStatus: 409 | 422;
}

/**
 * Runs `open`; when the forge refuses it as a duplicate and a pull request from the same
 * branches is open, the error says so and carries that one (`existing`) for the caller to adopt.
 */
export async function openUnlessDuplicate(opts: OpenUnlessDuplicateOptions): Promise<PullRequest> {
  try {
    return await opts.open();
  } catch (error) {
    if (!(error instanceof ForgeError) || error.forgeStatus !== opts.duplicateStatus) throw error;
    const { repo, head, base } = opts.request;
    const existing = await opts.forge.findOpenPullRequest({ repo, head, base }).catch(() => undefined);
    if (!existing) throw error;
    const { kind } = opts.forge;
    const { noun, ref } = FORGE_TERMS[kind];
    const message = `A ${noun} from ${head} into ${base} is already open on ${FORGE_NAMES[kind]}: ${ref(existing.number)}, ${existing.url}`;
    throw new ForgeError({ forge: kind, failure: "duplicate", status: error.forgeStatus, existing, message });
  }
}
