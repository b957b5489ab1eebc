import { ZThreadParams, ZThreadTurnRequest } from "@/lib/schemas/tasks";
import { withApi } from "@/server/http/with-api";
import { startThreadTurn } from "@/server/services/threads";

export const POST = withApi({
  auth: "session",
  scope: "tasks",
  status: 202,
  schemas: { params: ZThreadParams, body: ZThreadTurnRequest },
  handler: async ({ actor, params, body }) => {
    await startThreadTurn(actor, params.threadId, body.text);
    return { accepted: true };
  },
});
