import { AntdRegistry } from "@ant-design/nextjs-registry";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { requestLocale } from "@/server/i18n/request-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: "Codex Cloud",
  description: "Self-hosted Codex: delegate coding tasks, approve what the agent runs, apply its diffs.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body>
        <AntdRegistry>
          <Providers locale={locale}>{children}</Providers>
        </AntdRegistry>
      </body>
    </html>
  );
}
