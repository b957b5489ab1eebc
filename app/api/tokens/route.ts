import { ZCreateTokenRequest } from "@/lib/schemas/tokens";
import { clientIp } from "@/server/auth/client-ip";
import { withApi } from "@/server/http/with-api";
import { createTokenForRequest, listTokens } from "@/server/services/tokens";

export const GET = withApi({
  auth: "session",
  handler: async ({ actor }) => ({ items: await listTokens(actor) }),
});

// With a session or token: a token for the caller. Without: sign-in by email + password.
export const POST = withApi({
  auth: "none",
  status: 201,
  schemas: { body: ZCreateTokenRequest },
  handler: ({ actor, body, req }) => createTokenForRequest({ actor, request: body, ip: clientIp(req.headers) }),
});
