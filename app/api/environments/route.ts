import { ZCreateEnvironmentRequest } from "@/lib/schemas/environments";
import { withApi } from "@/server/http/with-api";
import { createEnvironment, listEnvironments } from "@/server/services/environments";

export const GET = withApi({
  auth: "session",
  handler: async ({ actor }) => ({ items: await listEnvironments(actor) }),
});

export const POST = withApi({
  auth: "session",
  status: 201,
  schemas: { body: ZCreateEnvironmentRequest },
  handler: ({ actor, body }) => createEnvironment(actor, body),
});
