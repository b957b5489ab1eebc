import { z } from "zod";

export const ZAuditQuery = z.strictObject({
  taskId: z.string().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TAuditQuery = z.output<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  taskId: z.string().optional(),
  details: z.unknown(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export const ZAuditList = z.object({ items: z.array(ZAuditEntry), nextCursor: z.string().nullable() });
