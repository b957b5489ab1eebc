// Starts a test double of one forge's pull request API; see server.ts.
import type { ForgeKind } from "../../forges/types";
import { giteaHandler } from "./gitea";
import { githubHandler } from "./github";
import { gitlabHandler } from "./gitlab";
import { type ForgeDouble, type ForgeDoubleState, serveDouble } from "./server";

export type { DoublePull, ForgeDouble, ForgeDoubleState } from "./server";

const DOUBLES = {
  github: { apiPath: "", handler: githubHandler },
  gitlab: { apiPath: "/api/v4", handler: gitlabHandler },
  gitea: { apiPath: "/api/v1", handler: giteaHandler },
} as const;

export interface StartForgeDoubleOptions {
  kind: ForgeKind;
  /** The only token it accepts. */
  token: string;
  /** "owner/name" ("group/sub/name" for GitLab). */
  repo: string;
  /** Branches that exist; default ["main"]. */
  branches?: string[];
  /** Overrides `branches`, e.g. to ask a real bare repository what was pushed. */
  hasBranch?: (name: string) => boolean | Promise<boolean>;
}

/** A forge double on 127.0.0.1 (port 0); `apiUrl` goes in the environment's forge settings. */
export function startForgeDouble(opts: StartForgeDoubleOptions): Promise<ForgeDouble> {
  const state: ForgeDoubleState = { token: opts.token, repo: opts.repo, branches: new Set(opts.branches ?? ["main"]), pulls: [], mode: "up", requests: [] };
  return serveDouble({ kind: opts.kind, ...DOUBLES[opts.kind], state, hasBranch: opts.hasBranch });
}
