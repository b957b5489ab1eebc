// The forge layer's vocabulary: one interface over GitHub, GitLab and Gitea/Forgejo pull
// (merge) requests. Nothing past server/forges reads a forge's own field names.

export type ForgeKind = "github" | "gitlab" | "gitea";

/** A repository on a forge: `owner` is a user, an organisation or a GitLab group path ("group/sub"). */
export interface RepoRef {
  owner: string;
  name: string;
}

export type PullRequestState = "open" | "merged" | "closed";

export interface PullRequest {
  /** The web page of the pull request, not its API address. */
  url: string;
  number: number;
  state: PullRequestState;
  draft: boolean;
}

export interface OpenPullRequestOptions {
  repo: RepoRef;
  /** The pushed branch, in the same repository. */
  head: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
}

/** Only the body changes: a title edit would drop GitLab's and Gitea's draft prefix. */
export interface UpdatePullRequestOptions {
  repo: RepoRef;
  number: number;
  body: string;
}

export interface Forge {
  readonly kind: ForgeKind;
  /** Throws ForgeError; an open pull request from `head` into `base` gives reason "duplicate" with it in `existing`. */
  openPullRequest(opts: OpenPullRequestOptions): Promise<PullRequest>;
  getPullRequest(opts: { repo: RepoRef; number: number }): Promise<PullRequest>;
  updatePullRequest(opts: UpdatePullRequestOptions): Promise<PullRequest>;
  /** The open pull request from `head` into `base`, if there is one. */
  findOpenPullRequest(opts: { repo: RepoRef; head: string; base: string }): Promise<PullRequest | undefined>;
}

export interface ForgeConfig {
  kind: ForgeKind;
  /** API root: https://api.github.com, https://gitlab.com/api/v4, https://gitea.example/api/v1. */
  apiUrl: string;
  token: string;
  /** Per request, body included; default 20 s. */
  timeoutMs?: number;
}
