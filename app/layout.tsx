import { AntdRegistry } from "@ant-design/nextjs-registry";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { translate } from "@/lib/i18n/translate";
import { requestLocale } from "@/server/i18n/request-locale";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: "Codex Cloud", description: translate(await requestLocale(), "meta.description") };
}

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
