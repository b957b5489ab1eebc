import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { interruptTask } from "@/server/services/tasks";

export const POST = withApi({
  auth: "session",
  scope: "tasks",
  status: 202,
  schemas: { params: ZIdParams },
  handler: async ({ actor, params }) => {
    await interruptTask(actor, params.id);
    return { accepted: true };
  },
});
