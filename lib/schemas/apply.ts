import { z } from "zod";

export const ZApplyRequest = z.strictObject({
  attempt: z.number().int().min(0).max(3).default(0),
  preflight: z.boolean().default(false),
  branchName: z.string().trim().min(1).max(200).optional(),
});
export type TApplyRequest = z.input<typeof ZApplyRequest>;

export const ZApplyResult = z.object({
  status: z.enum(["success", "partial", "error"]),
  applied: z.boolean(),
  branch: z.string().optional(),
  commit: z.string().optional(),
  conflictPaths: z.array(z.string()),
  skippedPaths: z.array(z.string()),
  message: z.string(),
  /** The repository's origin (without credentials) when it has one: the branch can be pushed there. */
  origin: z.string().optional(),
});
export type TApplyResult = z.infer<typeof ZApplyResult>;

export const ZPushResult = z.object({ branch: z.string(), commit: z.string(), remote: z.string() });
export type TPushResult = z.infer<typeof ZPushResult>;
