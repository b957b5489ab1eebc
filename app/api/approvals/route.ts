import { ZListApprovalsQuery } from "@/lib/schemas/approvals";
import { withApi } from "@/server/http/with-api";
import { listApprovals } from "@/server/services/approvals";

export const GET = withApi({
  auth: "session",
  schemas: { query: ZListApprovalsQuery },
  handler: async ({ actor, query }) => ({ items: await listApprovals(actor, query.status) }),
});
