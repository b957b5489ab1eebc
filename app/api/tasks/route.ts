import { ZCreateTaskRequest, ZListTasksQuery } from "@/lib/schemas/tasks";
import { withApi } from "@/server/http/with-api";
import { createTask, listTasks } from "@/server/services/tasks";

export const GET = withApi({
  auth: "session",
  schemas: { query: ZListTasksQuery },
  handler: ({ actor, query }) => listTasks(actor, query),
});

export const POST = withApi({
  auth: "session",
  scope: "tasks",
  status: 201,
  schemas: { body: ZCreateTaskRequest },
  handler: ({ actor, body }) => createTask(actor, body),
});
