// Gitea and Forgejo REST v1 pulls (the swagger at /api/swagger). No draft flag on create: a
// "WIP: " title prefix (the default WORK_IN_PROGRESS_PREFIXES) makes one.
import { z } from "zod";
import { ForgeError } from "./errors";
import { forgeClient } from "./request";
import { action, openUnlessDuplicate, ownerRepoPath } from "./shared";
import type { Forge, ForgeConfig, PullRequest, RepoRef } from "./types";

const WIP_PREFIX = /^\s*(wip:|\[wip\])/i;

const ZPull = z.object({
  number: z.number().int(),
  html_url: z.string(),
  state: z.enum(["open", "closed"]),
  merged: z.boolean().optional(),
  title: z.string(),
  // Newer versions say so; older ones only have the title prefix.
  draft: z.boolean().optional(),
});

const toPullRequest = (p: z.infer<typeof ZPull>): PullRequest => ({
  url: p.html_url,
  number: p.number,
  state: p.state === "open" ? "open" : p.merged ? "merged" : "closed",
  draft: p.draft ?? WIP_PREFIX.test(p.title),
});

export function giteaForge(config: ForgeConfig): Forge {
  const call = forgeClient({ ...config, headers: { Authorization: `token ${config.token}`, Accept: "application/json" } });
  const pulls = (repo: RepoRef) => `${ownerRepoPath({ kind: "gitea", repo })}/pulls`;
  const forge: Forge = {
    kind: "gitea",
    openPullRequest: (opts) =>
      openUnlessDuplicate({
        forge,
        request: opts,
        duplicateStatus: 409,
        open: async () => {
          const title = opts.draft && !WIP_PREFIX.test(opts.title) ? `WIP: ${opts.title}` : opts.title;
          const request = { method: "POST", path: pulls(opts.repo), body: { title, head: opts.head, base: opts.base, body: opts.body }, schema: ZPull } as const;
          return toPullRequest(await call({ ...request, action: action.open({ kind: "gitea", request: opts }) }));
        },
      }),
    getPullRequest: async ({ repo, number }) =>
      toPullRequest(await call({ method: "GET", path: `${pulls(repo)}/${number}`, schema: ZPull, action: action.read({ kind: "gitea", repo, number }) })),
    updatePullRequest: async ({ repo, number, body }) => {
      const request = { method: "PATCH", path: `${pulls(repo)}/${number}`, body: { body }, schema: ZPull } as const;
      return toPullRequest(await call({ ...request, action: action.update({ kind: "gitea", repo, number }) }));
    },
    findOpenPullRequest: async ({ repo, head, base }) => {
      // GET /repos/{owner}/{repo}/pulls/{base}/{head}: the head is the rest of the path.
      const path = `${pulls(repo)}/${encodeURIComponent(base)}/${head.split("/").map(encodeURIComponent).join("/")}`;
      try {
        const found = toPullRequest(await call({ method: "GET", path, schema: ZPull, action: action.find({ kind: "gitea", head, base }) }));
        return found.state === "open" ? found : undefined;
      } catch (error) {
        if (error instanceof ForgeError && error.failure === "not_found") return undefined;
        throw error;
      }
    },
  };
  return forge;
}
