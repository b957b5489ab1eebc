import { z } from "zod";

export const ZAuditQuery = z.strictObject({
  taskId: z.string().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TAuditQuery = z.output<typeof ZAuditQuery>;

export interface TAuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  taskId?: string;
  details: unknown;
}
