"use client";

import { GlobalOutlined, LogoutOutlined, SettingOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Dropdown, Flex, Grid, Layout, Typography } from "antd";
import Link from "next/link";
import { signOut } from "next-auth/react";
import type { ReactNode } from "react";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { useLiveUpdates } from "@/lib/realtime/use-live-updates";
import { useLocale } from "../i18n/locale-provider";
import { ApprovalsBadge } from "./approvals-badge";
import { type Viewer, ViewerProvider } from "./viewer";

interface Props {
  user: { email: string; name: string | null };
  viewer: Viewer;
  children: ReactNode;
}

/** The signed-in frame: header with the product name and the user menu. */
export function AppShell({ user, viewer, children }: Props) {
  useLiveUpdates();
  const narrow = Grid.useBreakpoint().md === false;
  const { locale, setLocale, t } = useLocale();
  const languages = LOCALES.map((l) => ({ key: `lang-${l}`, label: <span lang={l}>{LOCALE_NAMES[l]}</span>, disabled: l === locale, onClick: () => setLocale(l) }));
  const menu = {
    items: [
      { key: "who", label: <Typography.Text type="secondary">{user.email}</Typography.Text>, disabled: true },
      { type: "divider" as const },
      { key: "language", icon: <GlobalOutlined />, label: t("common.language"), children: languages },
      { key: "settings", icon: <SettingOutlined />, label: <Link href="/settings">{t("shell.settings")}</Link> },
      { key: "signout", icon: <LogoutOutlined />, label: t("shell.signOut"), onClick: () => void signOut({ redirectTo: "/login" }) },
    ],
  };
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 12, paddingInline: narrow ? 12 : 24 }}>
        <Flex component="nav" aria-label={t("shell.navigation")} gap={narrow ? 12 : 24} align="center" style={{ minWidth: 0, overflowX: "auto", whiteSpace: "nowrap" }}>
          {!narrow && (
            <Link href="/" style={{ color: "inherit" }}>
              <Typography.Text strong style={{ fontSize: 16, color: "#fff" }}>
                Codex Cloud
              </Typography.Text>
            </Link>
          )}
          <Link href="/" style={{ color: "rgba(255,255,255,.85)" }}>{t("shell.tasks")}</Link>
          <Link href="/environments" style={{ color: "rgba(255,255,255,.85)" }}>{t("shell.environments")}</Link>
          <Link href="/audit" style={{ color: "rgba(255,255,255,.85)" }}>{t("shell.audit")}</Link>
        </Flex>
        <Flex gap={narrow ? 8 : 16} align="center" style={{ flexShrink: 0 }}>
          <ApprovalsBadge />
          <Dropdown menu={menu} trigger={["click"]} placement="bottomRight">
            <Flex component="button" aria-label={t("shell.userMenu")} gap={8} align="center" style={{ background: "none", border: 0, cursor: "pointer" }}>
              <Avatar size="small" icon={<UserOutlined />} />
              {!narrow && <Typography.Text style={{ color: "#fff" }}>{user.name ?? user.email}</Typography.Text>}
            </Flex>
          </Dropdown>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: narrow ? 12 : 24, maxWidth: 1100, width: "100%", margin: "0 auto" }}>
        <ViewerProvider viewer={viewer}>{children}</ViewerProvider>
      </Layout.Content>
    </Layout>
  );
}
