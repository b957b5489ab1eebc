"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Flex, Input, List, Tag } from "antd";
import { useState } from "react";
import { settingsApi } from "@/lib/queries/api";
import { settingsKeys } from "@/lib/queries/keys";
import { PROVIDER_LABELS } from "../environments/provider-labels";
import { useT } from "../i18n/locale-provider";

/** Provider API keys: write-only; only whether one is set comes back. */
export function ProviderKeysCard() {
  const t = useT();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const keys = useQuery({ queryKey: settingsKeys.providerKeys, queryFn: ({ signal }) => settingsApi.providerKeys({ signal }) });
  const save = useMutation({
    mutationFn: ({ provider, apiKey }: { provider: string; apiKey: string }) => settingsApi.setProviderKey(provider, apiKey),
    onSuccess: (_, { provider }) => {
      setDrafts((d) => ({ ...d, [provider]: "" }));
      void queryClient.invalidateQueries({ queryKey: settingsKeys.providerKeys });
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <Card title={t("settings.providerKeys")}>
      <List
        dataSource={keys.data ?? []}
        renderItem={(k) => (
          <List.Item>
            <Flex gap={8} align="center" wrap style={{ width: "100%" }}>
              <span style={{ flex: "0 0 220px" }}>{t(PROVIDER_LABELS[k.provider])}</span>
              {k.hasKey ? <Tag color="success">{t("settings.keySet")}</Tag> : <Tag>{t("settings.keyNotSet")}</Tag>}
              <Input.Password aria-label={t("settings.keyLabel", { provider: t(PROVIDER_LABELS[k.provider]) })} placeholder={t("settings.newKey")} style={{ flex: "1 1 200px" }} value={drafts[k.provider] ?? ""}
                onChange={(e) => setDrafts((d) => ({ ...d, [k.provider]: e.target.value }))} />
              <Button disabled={!drafts[k.provider]?.trim()} onClick={() => save.mutate({ provider: k.provider, apiKey: drafts[k.provider]! })}>{t("settings.save")}</Button>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
