// GitLab REST v4 merge requests: docs.gitlab.com/api/merge_requests. The create call has no
// draft attribute; a "Draft: " title prefix makes one.
import { z } from "zod";
import { forgeClient } from "./request";
import { action, openUnlessDuplicate } from "./shared";
import type { Forge, ForgeConfig, PullRequest, RepoRef } from "./types";

const ZMergeRequest = z.object({
  iid: z.number().int(),
  web_url: z.string(),
  // "locked" is the short state while a merge is under way.
  state: z.enum(["opened", "closed", "merged", "locked"]),
  draft: z.boolean().optional(),
});

const STATES = { opened: "open", locked: "open", merged: "merged", closed: "closed" } as const;

const toPullRequest = (mr: z.infer<typeof ZMergeRequest>): PullRequest => ({
  url: mr.web_url,
  number: mr.iid,
  state: STATES[mr.state],
  draft: mr.draft ?? false,
});

/** The project's `:id` in API paths: its URL-encoded full path, `group%2Fsub%2Frepo`. */
export const gitlabProjectId = (repo: RepoRef) => encodeURIComponent(`${repo.owner}/${repo.name}`);

const DRAFT_PREFIX = /^\s*(\[draft\]|\(draft\)|draft:|draft -)/i;

export function gitlabForge(config: ForgeConfig): Forge {
  const call = forgeClient({ ...config, headers: { Authorization: `Bearer ${config.token}`, Accept: "application/json" } });
  const mrs = (repo: RepoRef) => `/projects/${gitlabProjectId(repo)}/merge_requests`;
  const forge: Forge = {
    kind: "gitlab",
    openPullRequest: (opts) =>
      openUnlessDuplicate({
        forge,
        request: opts,
        duplicateStatus: 409,
        open: async () => {
          const title = opts.draft && !DRAFT_PREFIX.test(opts.title) ? `Draft: ${opts.title}` : opts.title;
          const body = { source_branch: opts.head, target_branch: opts.base, title, description: opts.body };
          const request = { method: "POST", path: mrs(opts.repo), body, schema: ZMergeRequest } as const;
          return toPullRequest(await call({ ...request, action: action.open({ kind: "gitlab", request: opts }) }));
        },
      }),
    getPullRequest: async ({ repo, number }) =>
      toPullRequest(await call({ method: "GET", path: `${mrs(repo)}/${number}`, schema: ZMergeRequest, action: action.read({ kind: "gitlab", repo, number }) })),
    updatePullRequest: async ({ repo, number, body }) => {
      const request = { method: "PUT", path: `${mrs(repo)}/${number}`, body: { description: body }, schema: ZMergeRequest } as const;
      return toPullRequest(await call({ ...request, action: action.update({ kind: "gitlab", repo, number }) }));
    },
    findOpenPullRequest: async ({ repo, head, base }) => {
      const query = { source_branch: head, target_branch: base, state: "opened", per_page: "1" };
      const request = { method: "GET", path: mrs(repo), query, schema: z.array(ZMergeRequest) } as const;
      const found = await call({ ...request, action: action.find({ kind: "gitlab", head, base }) });
      return found[0] && toPullRequest(found[0]);
    },
  };
  return forge;
}
