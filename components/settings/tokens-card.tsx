"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Input, List, Typography } from "antd";
import { useState } from "react";
import { settingsApi } from "@/lib/queries/api";
import { settingsKeys } from "@/lib/queries/keys";
import { useLocale } from "../i18n/locale-provider";

/** Personal access tokens: create (shown once), list, revoke. */
export function TokensCard() {
  const { locale, t } = useLocale();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const tokens = useQuery({ queryKey: settingsKeys.tokens, queryFn: ({ signal }) => settingsApi.tokens({ signal }) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: settingsKeys.tokens });
  const create = useMutation({ mutationFn: () => settingsApi.createToken(name), onSuccess: () => (setName(""), refresh()) });
  const revoke = useMutation({ mutationFn: settingsApi.revokeToken, onSuccess: refresh });
  const at = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Card title={t("settings.tokens")}>
      <Flex gap={8}>
        <Input aria-label={t("settings.tokenName")} placeholder={t("settings.tokenNamePlaceholder")} value={name} onChange={(e) => setName(e.target.value)} />
        <Button type="primary" disabled={!name.trim()} loading={create.isPending} onClick={() => create.mutate()}>{t("settings.createToken")}</Button>
      </Flex>
      {create.data && (
        <Alert style={{ marginTop: 12 }} type="success" message={t("settings.copyNow")}
          description={<Typography.Text code copyable>{create.data.token}</Typography.Text>} />
      )}
      <List
        dataSource={tokens.data ?? []}
        locale={{ emptyText: t("settings.noTokens") }}
        renderItem={(token) => (
          <List.Item actions={[<Button key="revoke" danger size="small" onClick={() => revoke.mutate(token.id)}>{t("settings.revoke")}</Button>]}>
            <List.Item.Meta title={token.name} description={[
              `${token.prefix}…`,
              t("settings.created", { when: at(token.createdAt) }),
              token.lastUsedAt && t("settings.lastUsed", { when: at(token.lastUsedAt) }),
            ].filter(Boolean).join(" · ")} />
          </List.Item>
        )}
      />
    </Card>
  );
}
