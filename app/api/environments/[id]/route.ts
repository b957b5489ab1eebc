import { ZPatchEnvironmentRequest } from "@/lib/schemas/environments";
import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { deleteEnvironment, getEnvironment, updateEnvironment } from "@/server/services/environments";

export const GET = withApi({
  auth: "session",
  schemas: { params: ZIdParams },
  handler: ({ actor, params }) => getEnvironment(actor, params.id),
});

export const PATCH = withApi({
  auth: "session",
  schemas: { params: ZIdParams, body: ZPatchEnvironmentRequest },
  handler: ({ actor, params, body }) => updateEnvironment(actor, params.id, body),
});

export const DELETE = withApi({
  auth: "session",
  schemas: { params: ZIdParams },
  handler: ({ actor, params }) => deleteEnvironment(actor, params.id),
});
