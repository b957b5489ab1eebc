import type { Metadata } from "next";
import { type MessageKey, translate } from "@/lib/i18n/translate";
import { requestLocale } from "./request-locale";

/** A page's `generateMetadata`: its document title in the request's language. */
export function pageTitle(key: MessageKey): () => Promise<Metadata> {
  return async () => ({ title: translate(await requestLocale(), key) });
}
