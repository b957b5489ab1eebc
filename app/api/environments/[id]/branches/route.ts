import { ZIdParams } from "@/lib/schemas/tokens";
import { withApi } from "@/server/http/with-api";
import { listBranches } from "@/server/services/environment-remote";

export const GET = withApi({
  auth: "session",
  schemas: { params: ZIdParams },
  handler: ({ actor, params }) => listBranches(actor, params.id),
});
