import { ZSendMessageRequest } from "@/lib/schemas/tasks";
import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { sendMessage } from "@/server/services/tasks";

export const POST = withApi({
  auth: "session",
  scope: "tasks",
  status: 202,
  schemas: { params: ZIdParams, body: ZSendMessageRequest },
  // 202 {accepted: true}; {accepted: true, steered: true} when the text joined the running turn.
  handler: async ({ actor, params, body }) => {
    const { steered } = await sendMessage(actor, params.id, body);
    return steered ? { accepted: true, steered: true } : { accepted: true };
  },
});
