import { ZDecideApprovalRequest } from "@/lib/schemas/approvals";
import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { decideApprovalAsUser } from "@/server/services/approvals";

export const POST = withApi({
  auth: "session",
  scope: "tasks",
  schemas: { params: ZIdParams, body: ZDecideApprovalRequest },
  handler: ({ actor, params, body }) => decideApprovalAsUser(actor, params.id, body.decision, body.message),
});
