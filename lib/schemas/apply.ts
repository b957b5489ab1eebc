import { z } from "zod";

export const ZApplyRequest = z.strictObject({
  attempt: z.number().int().min(0).max(3).default(0),
  preflight: z.boolean().default(false),
  branchName: z.string().trim().min(1).max(200).optional(),
});
export type TApplyRequest = z.input<typeof ZApplyRequest>;

export interface TApplyResult {
  status: "success" | "partial" | "error";
  applied: boolean;
  branch?: string;
  commit?: string;
  conflictPaths: string[];
  skippedPaths: string[];
  message: string;
}
