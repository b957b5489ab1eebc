import { ZPullRequestRequest } from "@/lib/schemas/pull-requests";
import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { deliverPullRequest, getPullRequest } from "@/server/services/pull-requests";

export const GET = withApi({
  auth: "session",
  schemas: { params: ZIdParams },
  handler: ({ actor, params }) => getPullRequest(actor, params.id),
});

// 201 when this opens the pull request, 200 when it pushes new commits to it.
export const POST = withApi({
  auth: "session",
  scope: "tasks",
  schemas: { params: ZIdParams, body: ZPullRequestRequest },
  handler: async ({ actor, params, body }) => {
    const { created, pullRequest } = await deliverPullRequest(actor, params.id, body);
    return Response.json(pullRequest, { status: created ? 201 : 200 });
  },
});
