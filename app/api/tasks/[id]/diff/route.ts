import { ZDiffQuery } from "@/lib/schemas/tasks";
import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { getDiff } from "@/server/services/diffs";

export const GET = withApi({
  auth: "session",
  schemas: { params: ZIdParams, query: ZDiffQuery },
  handler: async ({ actor, params, query }) => {
    const diff = await getDiff(actor, params.id, query.attempt);
    if (query.format === "json") return diff.json();
    return new Response(diff.text, { headers: { "content-type": "text/x-diff; charset=utf-8" } });
  },
});
