import { ZSendMessageRequest } from "@/lib/schemas/tasks";
import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { sendMessage } from "@/server/services/tasks";

export const POST = withApi({
  auth: "session",
  scope: "tasks",
  status: 202,
  schemas: { params: ZIdParams, body: ZSendMessageRequest },
  handler: async ({ actor, params, body }) => {
    await sendMessage(actor, params.id, body);
    return { accepted: true };
  },
});
