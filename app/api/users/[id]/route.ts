import { ZIdParams } from "@/lib/schemas/tokens";
import { ZPatchUserRequest } from "@/lib/schemas/users";
import { withApi } from "@/server/http/with-api";
import { setUserRole } from "@/server/services/members";

export const PATCH = withApi({
  auth: "session",
  schemas: { params: ZIdParams, body: ZPatchUserRequest },
  handler: ({ actor, params, body }) => setUserRole({ actor, userId: params.id, patch: body }),
});
