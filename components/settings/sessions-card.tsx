"use client";

import { useMutation } from "@tanstack/react-query";
import { Button, Card, Flex, Typography } from "antd";
import { signOut } from "next-auth/react";
import { settingsApi } from "@/lib/queries/api";
import { useT } from "../i18n/locale-provider";

/** "Sign out everywhere": ends every session of the user on the server, then this one. */
export function SessionsCard() {
  const t = useT();
  const everywhere = useMutation({
    mutationFn: settingsApi.signOutEverywhere,
    onSuccess: () => void signOut({ redirectTo: "/login" }),
  });
  return (
    <Card title={t("settings.sessions")}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text type="secondary">{t("settings.sessionsHint")}</Typography.Text>
        <Button danger loading={everywhere.isPending} onClick={() => everywhere.mutate()}>{t("settings.signOutEverywhere")}</Button>
      </Flex>
    </Card>
  );
}
