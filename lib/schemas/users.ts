import { z } from "zod";

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." })).pipe(z.string().max(254));
/** The password rule, shown under the sign-up form's password field before it is broken. */
export const PASSWORD_MIN_LENGTH = 8;
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `Password must be at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(256, { error: "Password must be at most 256 characters." });

export const ZCreateUserRequest = z.strictObject({
  email: ZEmail,
  password: ZPassword,
  name: z.string().trim().min(1).max(100).optional(),
  /** Only for the first account of a server reachable beyond loopback (printed in its log). */
  setupToken: z.string().trim().max(200).optional(),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZCreateUserResponse = z.object({ id: z.string(), email: z.string() });
export type TCreateUserResponse = z.infer<typeof ZCreateUserResponse>;

export const ZSignInForm = z.object({ email: ZEmail, password: z.string().min(1, { error: "Enter your password." }) });
export type TSignInForm = z.infer<typeof ZSignInForm>;

export const ROLES = ["admin", "member"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** A user as administrators see them in GET /api/users. */
export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: ZRole,
  /** Disabled by an administrator: cannot sign in; sessions and tokens refused. */
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserList = z.object({ items: z.array(ZUser) });

export const ZPatchUserRequest = z
  .strictObject({ role: ZRole.optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { error: "Send role or disabled." });
export type TPatchUserRequest = z.infer<typeof ZPatchUserRequest>;
