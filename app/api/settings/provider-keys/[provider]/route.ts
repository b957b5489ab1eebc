import { ZProviderParams, ZPutProviderKeyRequest } from "@/lib/schemas/settings";
import { withApi } from "@/server/http/with-api";
import { deleteProviderKey, setProviderKey } from "@/server/services/provider-keys";

export const PUT = withApi({
  auth: "session",
  schemas: { params: ZProviderParams, body: ZPutProviderKeyRequest },
  handler: ({ actor, params, body }) => setProviderKey(actor, params.provider, body.apiKey),
});

export const DELETE = withApi({
  auth: "session",
  schemas: { params: ZProviderParams },
  handler: ({ actor, params }) => deleteProviderKey(actor, params.provider),
});
