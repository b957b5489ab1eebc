import { z } from "zod";
import { ZEmail } from "./users";

const ZTokenName = z.string().trim().min(1, { error: "Name the token." }).max(100);

/**
 * What a token may do. `read`: GET requests only. `tasks`: read, and work on tasks (create,
 * message, interrupt, archive, apply), approvals and threads. `admin`: everything its user may
 * do, including tokens, provider keys, sessions and (for administrators) environments and users.
 */
export const TOKEN_SCOPES = ["read", "tasks", "admin"] as const;
export const ZTokenScope = z.enum(TOKEN_SCOPES);
export type TTokenScope = z.infer<typeof ZTokenScope>;

export const MAX_TOKEN_DAYS = 365;

/**
 * With a session: `{name}`. Without one (scripts signing in): `{name, email, password}`.
 * `scope` defaults to `admin` (what every token could do before scopes); `expiresInDays`
 * to never.
 */
export const ZCreateTokenRequest = z.strictObject({
  name: ZTokenName,
  scope: ZTokenScope.default("admin"),
  expiresInDays: z
    .int({ error: "expiresInDays must be a whole number of days." })
    .min(1, { error: "A token lasts at least 1 day." })
    .max(MAX_TOKEN_DAYS, { error: `A token lasts at most ${MAX_TOKEN_DAYS} days.` })
    .optional(),
  email: ZEmail.optional(),
  password: z.string().min(1).max(256).optional(),
});
export type TCreateTokenRequest = z.infer<typeof ZCreateTokenRequest>;

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: ZTokenScope,
  expiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZCreatedToken = ZApiToken.extend({ token: z.string() });
export type TCreatedToken = z.infer<typeof ZCreatedToken>;

export const ZTokenList = z.object({ items: z.array(ZApiToken) });

export const ZIdParams = z.strictObject({ id: z.string().min(1).max(64) });
