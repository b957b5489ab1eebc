import { ZDiffQuery } from "@/lib/schemas/tasks";
import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { getDiff } from "@/server/services/diffs";

export const GET = withApi({
  auth: "session",
  schemas: { params: ZIdParams, query: ZDiffQuery.pick({ attempt: true }) },
  handler: async ({ actor, params, query }) => {
    const diff = await getDiff(actor, params.id, query.attempt);
    return new Response(diff.text, {
      headers: {
        "content-type": "text/x-patch; charset=utf-8",
        "content-disposition": `attachment; filename="codex-${params.id.slice(-8)}-attempt-${query.attempt}.patch"`,
      },
    });
  },
});
