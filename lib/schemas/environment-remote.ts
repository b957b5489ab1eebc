import { z } from "zod";

// A remote environment's git host: the forge its pull requests go through, and the write-only
// credential git uses to reach it (an access token for https, a deploy key for ssh).

export const FORGE_KINDS = ["github", "gitlab", "gitea"] as const;
export type TForgeKind = (typeof FORGE_KINDS)[number];

export const ZForgeInput = z.strictObject({
  /** gitea also covers Forgejo. */
  kind: z.enum(FORGE_KINDS),
  /** Default: https://api.github.com, https://gitlab.com/api/v4, or derived from the host (/api/v3, /api/v4, /api/v1). */
  apiUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
});
export type TForgeInput = z.infer<typeof ZForgeInput>;

const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]+-----END [A-Z0-9 ]*PRIVATE KEY-----/;

/** Write-only: one of the two; stored sealed, returned as `{set: true, type}`. */
export const ZCredentialInput = z
  .strictObject({
    token: z.string().trim().min(1, { error: "Give the access token." }).max(4000).optional(),
    sshKey: z
      .string()
      .max(32_000)
      .refine((k) => PRIVATE_KEY.test(k), { error: "Paste the whole private key, from -----BEGIN … PRIVATE KEY----- to its END line." })
      .optional(),
  })
  .refine((c) => (c.token === undefined) !== (c.sshKey === undefined), { error: "Give either a token (https) or an ssh key (ssh), not both." });
export type TCredentialInput = z.infer<typeof ZCredentialInput>;

/** How a repository address reaches its repository, as the form sees it: a remote transport, or null (a path or file://). */
export function remoteTransport(repo: string | undefined): "https" | "ssh" | "git" | null {
  const r = repo?.trim() ?? "";
  if (/^https:\/\//i.test(r)) return "https";
  if (/^ssh:\/\//i.test(r) || /^[^@/:]+@[\w.-]+:(?!\/\/)/.test(r)) return "ssh";
  if (/^git:\/\//i.test(r)) return "git";
  return null;
}

export const ZForge = z.object({ kind: z.enum(FORGE_KINDS), apiUrl: z.string() });
export const ZCredentialState = z.object({ set: z.literal(true), type: z.enum(["token", "sshKey"]) });

export const ZBranch = z.object({ name: z.string(), default: z.boolean() });
export const ZBranchList = z.object({ items: z.array(ZBranch) });
export type TBranch = z.infer<typeof ZBranch>;
