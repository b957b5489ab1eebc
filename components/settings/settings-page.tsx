"use client";

import { Flex, Typography } from "antd";
import { ProviderKeysCard } from "./provider-keys-card";
import { TokensCard } from "./tokens-card";

export function SettingsPage() {
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2}>Settings</Typography.Title>
      <TokensCard />
      <ProviderKeysCard />
    </Flex>
  );
}
