"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Input, List, Select, Tag, Typography } from "antd";
import { useState } from "react";
import type { MessageKey } from "@/lib/i18n/translate";
import { settingsApi } from "@/lib/queries/api";
import { settingsKeys } from "@/lib/queries/keys";
import { TOKEN_SCOPES, type TApiToken, type TTokenScope } from "@/lib/schemas/tokens";
import { useLocale } from "../i18n/locale-provider";

const SCOPE_LABELS: Record<TTokenScope, { label: MessageKey; hint: MessageKey }> = {
  read: { label: "settings.scopeRead", hint: "settings.scopeReadHint" },
  tasks: { label: "settings.scopeTasks", hint: "settings.scopeTasksHint" },
  admin: { label: "settings.scopeAdmin", hint: "settings.scopeAdminHint" },
};

/** Lifetimes offered in the form, in days; `0` is never. */
const EXPIRY_DAYS = [0, 7, 30, 90, 365] as const;

function isExpired(token: TApiToken): boolean {
  return token.expiresAt !== null && new Date(token.expiresAt).getTime() <= Date.now();
}

/** Personal access tokens: create with a scope and lifetime (the secret is shown once), list, revoke. */
export function TokensCard() {
  const { locale, t } = useLocale();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<TTokenScope>("tasks");
  const [days, setDays] = useState<number>(90);
  const tokens = useQuery({ queryKey: settingsKeys.tokens, queryFn: ({ signal }) => settingsApi.tokens({ signal }) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: settingsKeys.tokens });
  const create = useMutation({
    mutationFn: () => settingsApi.createToken({ name, scope, expiresInDays: days === 0 ? undefined : days }),
    onSuccess: () => (setName(""), refresh()),
  });
  const revoke = useMutation({ mutationFn: settingsApi.revokeToken, onSuccess: refresh });
  const at = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Card title={t("settings.tokens")}>
      <Flex gap={8} wrap>
        <Input style={{ flex: "1 1 200px" }} aria-label={t("settings.tokenName")} placeholder={t("settings.tokenNamePlaceholder")}
          value={name} onChange={(e) => setName(e.target.value)} />
        <Select<TTokenScope> aria-label={t("settings.tokenScope")} value={scope} onChange={setScope} style={{ minWidth: 150 }}
          options={TOKEN_SCOPES.map((s) => ({ value: s, label: t(SCOPE_LABELS[s].label) }))} />
        <Select<number> aria-label={t("settings.tokenExpiry")} value={days} onChange={setDays} style={{ minWidth: 140 }}
          options={EXPIRY_DAYS.map((d) => ({ value: d, label: d === 0 ? t("settings.expiryNever") : t("settings.expiryDays", { days: d }) }))} />
        <Button type="primary" disabled={!name.trim()} loading={create.isPending} onClick={() => create.mutate()}>{t("settings.createToken")}</Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t(SCOPE_LABELS[scope].hint)}</Typography.Paragraph>
      {create.data && (
        <Alert style={{ marginTop: 12 }} type="success" message={t("settings.copyNow")}
          description={<Typography.Text code copyable>{create.data.token}</Typography.Text>} />
      )}
      <List
        dataSource={tokens.data ?? []}
        locale={{ emptyText: t("settings.noTokens") }}
        renderItem={(token) => (
          <List.Item actions={[<Button key="revoke" danger size="small" onClick={() => revoke.mutate(token.id)}>{t("settings.revoke")}</Button>]}>
            <List.Item.Meta
              title={<>{token.name} <Tag>{t(SCOPE_LABELS[token.scope].label)}</Tag>{isExpired(token) && <Tag color="red">{t("settings.expired")}</Tag>}</>}
              description={[
                `${token.prefix}…`,
                t("settings.created", { when: at(token.createdAt) }),
                token.expiresAt && !isExpired(token) && t("settings.expires", { when: at(token.expiresAt) }),
                token.lastUsedAt && t("settings.lastUsed", { when: at(token.lastUsedAt) }),
              ].filter(Boolean).join(" · ")} />
          </List.Item>
        )}
      />
    </Card>
  );
}
