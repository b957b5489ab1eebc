import { z } from "zod";
import { ZEmail } from "./users";

const ZTokenName = z.string().trim().min(1, { error: "Name the token." }).max(100);

/** With a session: `{name}`. Without one (scripts signing in): `{name, email, password}`. */
export const ZCreateTokenRequest = z.strictObject({
  name: ZTokenName,
  email: ZEmail.optional(),
  password: z.string().min(1).max(256).optional(),
});
export type TCreateTokenRequest = z.infer<typeof ZCreateTokenRequest>;

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZCreatedToken = ZApiToken.extend({ token: z.string() });
export type TCreatedToken = z.infer<typeof ZCreatedToken>;

export const ZTokenList = z.object({ items: z.array(ZApiToken) });

export const ZIdParams = z.strictObject({ id: z.string().min(1).max(64) });
