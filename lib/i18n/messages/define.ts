import type { Locale } from "../locales";

/** Plural forms a language may do without (Chinese has only `_other`). */
type OptionalPlural<K> = K extends `${string}_one` ? K : never;
type Translation<T> = Record<Exclude<keyof T, OptionalPlural<keyof T>>, string> & Partial<Record<keyof T, string>>;

/** One area's messages: English defines the keys, every other language must give them all. */
export function defineMessages<T extends Record<string, string>>(messages: { en: T } & Record<Exclude<Locale, "en">, Translation<T>>) {
  return messages;
}
