import { z } from "zod";

export const SECRET_PROVIDERS = ["openai", "custom"] as const;

export const ZProviderParams = z.strictObject({ provider: z.enum(SECRET_PROVIDERS) });
export const ZPutProviderKeyRequest = z.strictObject({ apiKey: z.string().trim().min(8, { error: "That does not look like an API key." }).max(4000) });

export const ZProviderKeyStatus = z.object({ provider: z.enum(SECRET_PROVIDERS), hasKey: z.boolean(), updatedAt: z.string().nullable() });
export type TProviderKeyStatus = z.infer<typeof ZProviderKeyStatus>;
export const ZProviderKeyList = z.object({ items: z.array(ZProviderKeyStatus) });
