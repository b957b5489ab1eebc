"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Input, List, Typography } from "antd";
import { useState } from "react";
import { settingsApi } from "@/lib/queries/api";
import { settingsKeys } from "@/lib/queries/keys";

/** Personal access tokens: create (shown once), list, revoke. */
export function TokensCard() {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const tokens = useQuery({ queryKey: settingsKeys.tokens, queryFn: ({ signal }) => settingsApi.tokens({ signal }) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: settingsKeys.tokens });
  const create = useMutation({ mutationFn: () => settingsApi.createToken(name), onSuccess: () => (setName(""), refresh()) });
  const revoke = useMutation({ mutationFn: settingsApi.revokeToken, onSuccess: refresh });
  return (
    <Card title="Personal access tokens">
      <Flex gap={8}>
        <Input aria-label="Token name" placeholder="Name, e.g. CI script" value={name} onChange={(e) => setName(e.target.value)} />
        <Button type="primary" disabled={!name.trim()} loading={create.isPending} onClick={() => create.mutate()}>Create token</Button>
      </Flex>
      {create.data && (
        <Alert style={{ marginTop: 12 }} type="success" message="Copy it now: it is not shown again."
          description={<Typography.Text code copyable>{create.data.token}</Typography.Text>} />
      )}
      <List
        dataSource={tokens.data ?? []}
        locale={{ emptyText: "No tokens." }}
        renderItem={(t) => (
          <List.Item actions={[<Button key="revoke" danger size="small" onClick={() => revoke.mutate(t.id)}>Revoke</Button>]}>
            <List.Item.Meta title={t.name} description={`${t.prefix}… · created ${new Date(t.createdAt).toLocaleString()}${t.lastUsedAt ? ` · last used ${new Date(t.lastUsedAt).toLocaleString()}` : ""}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}
