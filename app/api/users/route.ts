import { ZCreateUserRequest } from "@/lib/schemas/users";
import { withApi } from "@/server/http/with-api";
import { listUsers } from "@/server/services/members";
import { createUser } from "@/server/services/users";

export const GET = withApi({
  auth: "session",
  handler: async ({ actor }) => ({ items: await listUsers(actor) }),
});

export const POST = withApi({
  auth: "none",
  status: 201,
  schemas: { body: ZCreateUserRequest },
  handler: ({ body }) => createUser(body),
});
