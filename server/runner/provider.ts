import { env } from "../env";
import type { Environment } from "../generated/prisma/client";
import { AppError } from "../http/errors";
import type { ModelProviderConfig } from "./codex-config";

/** The model provider of an environment, with its key (from the environment, else the server's). */
export function providerFor(environment: Pick<Environment, "modelProvider" | "modelName" | "modelBaseUrl" | "apiKey">, demoBaseUrl: string): ModelProviderConfig {
  const model = environment.modelName ?? undefined;
  switch (environment.modelProvider) {
    case "demo":
      return { provider: "demo", baseUrl: demoBaseUrl, model };
    case "openai": {
      const apiKey = environment.apiKey ?? env().OPENAI_API_KEY;
      if (!apiKey) throw new AppError("VALIDATION_FAILED", "This environment uses OpenAI but no API key is configured.");
      return { provider: "openai", apiKey, model, baseUrl: environment.modelBaseUrl ?? undefined };
    }
    case "custom":
      if (!environment.modelBaseUrl) throw new AppError("VALIDATION_FAILED", "The custom provider has no base URL.");
      return { provider: "custom", baseUrl: environment.modelBaseUrl, model, apiKey: environment.apiKey ?? undefined };
  }
}
