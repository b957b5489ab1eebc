import { withApi } from "@/server/http/with-api";
import { signOutEverywhere } from "@/server/services/sessions";

export const POST = withApi({
  auth: "session",
  handler: ({ actor }) => signOutEverywhere(actor),
});
