import { z } from "zod";

export const PULL_REQUEST_STATES = ["open", "merged", "closed"] as const;
export const ZPullRequestState = z.enum(PULL_REQUEST_STATES);

/** POST /api/tasks/:id/pull-request: the first call opens it, later ones push new commits to it. */
export const ZPullRequestRequest = z.strictObject({
  /** The attempt to deliver; defaults to the one already delivered, else the first with changes. */
  attempt: z.number().int().min(0).max(3).optional(),
  /** The branch to push; defaults to `codex/<slug of the title>-<short id>`. Ignored on updates. */
  branchName: z.string().trim().min(1).max(200).optional(),
  draft: z.boolean().default(false),
});
export type TPullRequestRequest = z.input<typeof ZPullRequestRequest>;

export const ZPullRequest = z.object({
  url: z.string(),
  number: z.number().int(),
  state: ZPullRequestState,
  draft: z.boolean(),
  branch: z.string(),
  commit: z.string(),
  attempt: z.number().int(),
});
export type TPullRequest = z.infer<typeof ZPullRequest>;

/** What a task summary shows of its pull request. */
export const ZPullRequestSummary = ZPullRequest.pick({ url: true, number: true, state: true });
