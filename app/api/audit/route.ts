import { ZAuditQuery } from "@/lib/schemas/audit";
import { withApi } from "@/server/http/with-api";
import { listAudit } from "@/server/services/audit-log";

export const GET = withApi({
  auth: "session",
  schemas: { query: ZAuditQuery },
  handler: ({ actor, query }) => listAudit(actor, query),
});
