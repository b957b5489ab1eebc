import { ZIdParams } from "@/lib/schemas/tokens";
import { ZPatchUserRequest } from "@/lib/schemas/users";
import { withApi } from "@/server/http/with-api";
import { updateUser } from "@/server/services/members";

export const PATCH = withApi({
  auth: "session",
  schemas: { params: ZIdParams, body: ZPatchUserRequest },
  handler: ({ actor, params, body }) => updateUser({ actor, userId: params.id, patch: body }),
});
