import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { revokeToken } from "@/server/services/tokens";

export const DELETE = withApi({
  auth: "session",
  schemas: { params: ZIdParams },
  handler: ({ actor, params }) => revokeToken(actor, params.id),
});
