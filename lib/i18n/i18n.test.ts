import { describe, expect, it } from "vitest";
import { negotiateLocale, parseAcceptLanguage } from "./locales";
import { catalog } from "./messages";
import { translate } from "./translate";

describe("locale negotiation", () => {
  it("orders Accept-Language by quality", () => {
    expect(parseAcceptLanguage("fr;q=0.5, zh-CN, en;q=0.8, *;q=0.1")).toEqual(["zh-CN", "en", "fr"]);
    expect(parseAcceptLanguage(null)).toEqual([]);
  });
  it("picks the first supported language, English otherwise", () => {
    expect(negotiateLocale(["fr", "zh-TW", "en"])).toBe("zh-CN");
    expect(negotiateLocale(["en-GB", "zh"])).toBe("en");
    expect(negotiateLocale(["de"])).toBe("en");
  });
});

describe("translate", () => {
  it("looks messages up per language", () => {
    expect(translate("en", "common.justNow")).toBe("just now");
    expect(translate("zh-CN", "common.justNow")).toBe("刚刚");
  });
  it("picks plural forms by count", () => {
    expect(translate("en", "common.files", { count: 1 })).toBe("1 file");
    expect(translate("en", "common.files", { count: 3 })).toBe("3 files");
    expect(translate("zh-CN", "common.files", { count: 1 })).toBe("1 个文件");
    expect(translate("en", "common.files", { count: 12345 })).toBe("12,345 files");
  });
  it("gives every area the same keys in every language, none empty", () => {
    for (const [area, { en, ...others }] of Object.entries(catalog)) {
      for (const [locale, table] of Object.entries(others)) {
        const required = Object.keys(en).filter((key) => !key.endsWith("_one"));
        expect(Object.keys(table).filter((key) => !key.endsWith("_one")).sort(), `${area} ${locale}`).toEqual(required.sort());
        for (const [key, text] of Object.entries(table as Record<string, string>)) expect(text.trim(), `${area}.${key} ${locale}`).not.toBe("");
      }
    }
  });
});
