import { ZApplyRequest } from "@/lib/schemas/apply";
import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { applyTask } from "@/server/services/apply";

export const POST = withApi({
  auth: "session",
  scope: "tasks",
  schemas: { params: ZIdParams, body: ZApplyRequest },
  handler: ({ actor, params, body }) => applyTask(actor, params.id, body),
});
