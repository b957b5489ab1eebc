import { withApi } from "@/server/http/with-api";
import { listProviderKeys } from "@/server/services/provider-keys";

export const GET = withApi({
  auth: "session",
  handler: async ({ actor }) => ({ items: await listProviderKeys(actor) }),
});
