import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { pushToOrigin } from "@/server/services/push-origin";

export const POST = withApi({
  auth: "session",
  scope: "tasks",
  schemas: { params: ZIdParams },
  handler: ({ actor, params }) => pushToOrigin(actor, params.id),
});
