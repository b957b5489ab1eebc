import { ZThreadParams } from "@/lib/schemas/tasks";
import { withApi } from "@/server/http/with-api";
import { getThread } from "@/server/services/threads";

export const GET = withApi({
  auth: "session",
  schemas: { params: ZThreadParams },
  handler: ({ actor, params }) => getThread(actor, params.threadId),
});
