import { ZCreateUserRequest } from "@/lib/schemas/users";
import { clientIp } from "@/server/auth/client-ip";
import { env } from "@/server/env";
import { hitRateLimit } from "@/server/http/rate-limit";
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
  handler: async ({ body, req }) => {
    // Per client address, before anything is written: a script cannot fill the user table.
    await hitRateLimit(`signup:ip:${clientIp(req.headers)}`, env().RATE_LIMIT_SIGNUP);
    return createUser(body);
  },
});
