import { ZEventsQuery } from "@/lib/schemas/tasks";
import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { getEvents } from "@/server/services/tasks";

export const GET = withApi({
  auth: "session",
  schemas: { params: ZIdParams, query: ZEventsQuery },
  handler: ({ actor, params, query }) => getEvents(actor, params.id, query),
});
