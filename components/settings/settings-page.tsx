"use client";

import { Flex, Typography } from "antd";
import { useT } from "../i18n/locale-provider";
import { useIsAdmin } from "../shell/viewer";
import { MembersCard } from "./members-card";
import { ProviderKeysCard } from "./provider-keys-card";
import { SessionsCard } from "./sessions-card";
import { TokensCard } from "./tokens-card";

export function SettingsPage() {
  const t = useT();
  const admin = useIsAdmin();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2}>{t("settings.title")}</Typography.Title>
      <TokensCard />
      <ProviderKeysCard />
      <SessionsCard />
      {admin && <MembersCard />}
    </Flex>
  );
}
