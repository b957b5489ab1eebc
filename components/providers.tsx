"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App, ConfigProvider, theme } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { type ReactNode, useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { LocaleProvider, useLocale } from "./i18n/locale-provider";
import { usePrefersDark } from "./use-prefers-dark";

const ANTD_LOCALES = { en: enUS, "zh-CN": zhCN } as const;

function Themed({ children }: { children: ReactNode }) {
  const dark = usePrefersDark();
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[locale]}
      // antd spaces out two-character Chinese labels ("取 消"): that breaks their accessible names.
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm,
        token: dark
          ? { colorPrimary: "#ececec", colorTextLightSolid: "#0d0d0d", borderRadius: 10 }
          : { colorPrimary: "#0d0d0d", borderRadius: 10 },
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}

export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider initial={locale}>
        <Themed>{children}</Themed>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
