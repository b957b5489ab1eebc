import { openSecret } from "../auth/secret-box";
import { env } from "../env";
import type { Environment } from "../generated/prisma/client";
import { AppError } from "../http/errors";
import { type ModelProviderConfig, OPENAI_BASE_URL } from "./codex-config";

type ProviderFields = Pick<Environment, "modelProvider" | "modelName" | "modelBaseUrl" | "apiKey">;

/**
 * The model provider of an environment. Its key: the environment's own, else the owner's key
 * for that provider (Settings), else the server's OPENAI_API_KEY — only for OpenAI's own URL, so
 * an environment pointing `baseUrl` elsewhere can never receive the server's key.
 */
export function providerFor(environment: ProviderFields, opts: { demoBaseUrl: string; ownerKey?: string | null }): ModelProviderConfig {
  const model = environment.modelName ?? undefined;
  const ownKey = environment.apiKey ? openSecret(environment.apiKey) : null;
  const key = ownKey ?? opts.ownerKey ?? undefined;
  switch (environment.modelProvider) {
    case "demo":
      return { provider: "demo", baseUrl: opts.demoBaseUrl, model };
    case "openai": {
      const baseUrl = environment.modelBaseUrl ?? undefined;
      const apiKey = key ?? (isOpenAiUrl(baseUrl) ? env().OPENAI_API_KEY : undefined);
      if (!apiKey && !isOpenAiUrl(baseUrl)) {
        throw new AppError("VALIDATION_FAILED", "This environment sends OpenAI requests to its own base URL: give it an API key of its own (the server's key is used only with OpenAI's own URL).");
      }
      if (!apiKey) throw new AppError("VALIDATION_FAILED", "This environment uses OpenAI but no API key is configured.");
      return { provider: "openai", apiKey, model, baseUrl };
    }
    case "custom":
      if (!environment.modelBaseUrl) throw new AppError("VALIDATION_FAILED", "The custom provider has no base URL.");
      return { provider: "custom", baseUrl: environment.modelBaseUrl, model, apiKey: key };
  }
}

/** No base URL (codex's default) or OpenAI's own, compared as URLs. */
export function isOpenAiUrl(baseUrl: string | undefined): boolean {
  if (!baseUrl) return true;
  try {
    const url = new URL(baseUrl);
    const own = new URL(OPENAI_BASE_URL);
    return url.origin === own.origin && url.pathname.replace(/\/+$/, "") === own.pathname && !url.username && !url.search;
  } catch {
    return false;
  }
}
