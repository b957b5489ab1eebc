import type { Locale } from "./locales";
import { catalog } from "./messages";

// Message keys are "<area>.<name>"; `{name}` in a message is replaced by a parameter (numbers
// formatted for the language). With a numeric `count`, the plural form `<name>_<category>`
// (Intl.PluralRules) is preferred.

type Catalog = typeof catalog;
type Area = keyof Catalog;
type BaseName<K> = K extends `${infer B}_${"one" | "other"}` ? B : K;
export type MessageKey = { [A in Area]: `${A}.${BaseName<keyof Catalog[A]["en"] & string>}` }[Area];
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralOf(locale: Locale, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

function lookup(table: Record<string, string>, name: string, plural: string | null): string | undefined {
  if (plural) return table[`${name}_${plural}`] ?? table[`${name}_other`] ?? table[name];
  return table[name];
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const dot = key.indexOf(".");
  const area = catalog[key.slice(0, dot) as Area] as { en: Record<string, string> } & Record<Locale, Record<string, string>>;
  const name = key.slice(dot + 1);
  const count = params?.count;
  const plural = typeof count === "number" ? pluralOf(locale, count) : null;
  const template = lookup(area[locale], name, plural) ?? lookup(area.en, name, typeof count === "number" ? pluralOf("en", count) : null) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, param: string) => {
    const value = params?.[param];
    if (value === undefined) return whole;
    return typeof value === "number" ? value.toLocaleString(locale) : value;
  });
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
