import { cookies, headers } from "next/headers";
import { isLocale, type Locale, LOCALE_COOKIE, negotiateLocale, parseAcceptLanguage } from "@/lib/i18n/locales";

/** The language of this request: the user's pick (cookie), else the browser's Accept-Language. */
export async function requestLocale(): Promise<Locale> {
  const picked = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(picked)) return picked;
  return negotiateLocale(parseAcceptLanguage((await headers()).get("accept-language")));
}
