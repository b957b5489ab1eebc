// GitHub REST (API version 2022-11-28): docs.github.com/rest/pulls/pulls.
import { z } from "zod";
import { forgeClient } from "./request";
import { action, openUnlessDuplicate, ownerRepoPath } from "./shared";
import type { Forge, ForgeConfig, PullRequest, RepoRef } from "./types";

const ZPull = z.object({
  number: z.number().int(),
  html_url: z.string(),
  state: z.enum(["open", "closed"]),
  // The list endpoint has merged_at only; the single one has both.
  merged: z.boolean().optional(),
  merged_at: z.string().nullish(),
  draft: z.boolean().optional(),
});

const toPullRequest = (p: z.infer<typeof ZPull>): PullRequest => ({
  url: p.html_url,
  number: p.number,
  state: p.state === "open" ? "open" : p.merged || p.merged_at ? "merged" : "closed",
  draft: p.draft ?? false,
});

export function githubForge(config: ForgeConfig): Forge {
  const call = forgeClient({
    ...config,
    headers: { Authorization: `Bearer ${config.token}`, Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28" },
  });
  const pulls = (repo: RepoRef) => `${ownerRepoPath({ kind: "github", repo })}/pulls`;
  const forge: Forge = {
    kind: "github",
    openPullRequest: (opts) =>
      openUnlessDuplicate({
        forge,
        request: opts,
        duplicateStatus: 422,
        open: async () => {
          const { title, head, base, body, draft } = opts;
          const request = { method: "POST", path: pulls(opts.repo), body: { title, head, base, body, draft }, schema: ZPull } as const;
          return toPullRequest(await call({ ...request, action: action.open({ kind: "github", request: opts }) }));
        },
      }),
    getPullRequest: async ({ repo, number }) =>
      toPullRequest(await call({ method: "GET", path: `${pulls(repo)}/${number}`, schema: ZPull, action: action.read({ kind: "github", repo, number }) })),
    updatePullRequest: async ({ repo, number, body }) => {
      const request = { method: "PATCH", path: `${pulls(repo)}/${number}`, body: { body }, schema: ZPull } as const;
      return toPullRequest(await call({ ...request, action: action.update({ kind: "github", repo, number }) }));
    },
    findOpenPullRequest: async ({ repo, head, base }) => {
      const query = { head: `${repo.owner}:${head}`, base, state: "open", per_page: "1" };
      const found = await call({ method: "GET", path: pulls(repo), query, schema: z.array(ZPull), action: action.find({ kind: "github", head, base }) });
      return found[0] && toPullRequest(found[0]);
    },
  };
  return forge;
}
