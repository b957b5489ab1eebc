"use client";

import { Flex, Typography } from "antd";
import { useT } from "../i18n/locale-provider";
import { ProviderKeysCard } from "./provider-keys-card";
import { TokensCard } from "./tokens-card";

export function SettingsPage() {
  const t = useT();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2}>{t("settings.title")}</Typography.Title>
      <TokensCard />
      <ProviderKeysCard />
    </Flex>
  );
}
