import { ZCreateUserRequest } from "@/lib/schemas/users";
import { withApi } from "@/server/http/with-api";
import { createUser } from "@/server/services/users";

export const POST = withApi({
  auth: "none",
  status: 201,
  schemas: { body: ZCreateUserRequest },
  handler: ({ body }) => createUser(body),
});
