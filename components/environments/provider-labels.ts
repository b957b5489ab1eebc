import type { MessageKey } from "@/lib/i18n/translate";
import type { TEnvironment } from "@/lib/schemas/environments";

/** How each model provider is named in the interface. */
export const PROVIDER_LABELS: Record<TEnvironment["model"]["provider"], MessageKey> = {
  demo: "environments.providerDemo",
  openai: "environments.providerOpenai",
  custom: "environments.providerCustom",
};
