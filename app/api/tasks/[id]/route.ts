import { ZPatchTaskRequest } from "@/lib/schemas/tasks";
import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { getTask, updateTask } from "@/server/services/tasks";

export const GET = withApi({
  auth: "session",
  schemas: { params: ZIdParams },
  handler: ({ actor, params }) => getTask(actor, params.id),
});

export const PATCH = withApi({
  auth: "session",
  scope: "tasks",
  schemas: { params: ZIdParams, body: ZPatchTaskRequest },
  handler: ({ actor, params, body }) => updateTask(actor, params.id, body),
});
