import { openSecret } from "../auth/secret-box";
import { env } from "../env";
import type { Environment } from "../generated/prisma/client";
import { AppError } from "../http/errors";
import type { ModelProviderConfig } from "./codex-config";

type ProviderFields = Pick<Environment, "modelProvider" | "modelName" | "modelBaseUrl" | "apiKey">;

/**
 * The model provider of an environment. Its key: the environment's own, else the owner's key
 * for that provider (Settings), else the server's OPENAI_API_KEY for OpenAI.
 */
export function providerFor(environment: ProviderFields, opts: { demoBaseUrl: string; ownerKey?: string | null }): ModelProviderConfig {
  const model = environment.modelName ?? undefined;
  const ownKey = environment.apiKey ? openSecret(environment.apiKey) : null;
  const key = ownKey ?? opts.ownerKey ?? undefined;
  switch (environment.modelProvider) {
    case "demo":
      return { provider: "demo", baseUrl: opts.demoBaseUrl, model };
    case "openai": {
      const apiKey = key ?? env().OPENAI_API_KEY;
      if (!apiKey) throw new AppError("VALIDATION_FAILED", "This environment uses OpenAI but no API key is configured.");
      return { provider: "openai", apiKey, model, baseUrl: environment.modelBaseUrl ?? undefined };
    }
    case "custom":
      if (!environment.modelBaseUrl) throw new AppError("VALIDATION_FAILED", "The custom provider has no base URL.");
      return { provider: "custom", baseUrl: environment.modelBaseUrl, model, apiKey: key };
  }
}
