"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App, ConfigProvider, theme } from "antd";
import { type ReactNode, useState } from "react";
import { usePrefersDark } from "./use-prefers-dark";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  const dark = usePrefersDark();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        theme={{
          algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm,
          token: dark
            ? { colorPrimary: "#ececec", colorTextLightSolid: "#0d0d0d", borderRadius: 10 }
            : { colorPrimary: "#0d0d0d", borderRadius: 10 },
        }}
      >
        <App>{children}</App>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
