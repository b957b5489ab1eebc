"use client";

import { useQuery } from "@tanstack/react-query";
import { Button, Drawer, Flex, List, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "@/lib/queries/api";
import { environmentKeys } from "@/lib/queries/keys";
import { PROVIDER_LABELS } from "@/lib/schemas/environments";
import { EnvironmentForm } from "./environment-form";

export function EnvironmentsPage() {
  const [open, setOpen] = useState(false);
  const environments = useQuery({ queryKey: environmentKeys.all, queryFn: ({ signal }) => api.environments({ signal }) });
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>Environments</Typography.Title>
        <Button type="primary" onClick={() => setOpen(true)}>New environment</Button>
      </Flex>
      <List
        loading={environments.isLoading}
        dataSource={environments.data ?? []}
        locale={{ emptyText: "No environments yet: add the git repository the agent should work on." }}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta title={e.label} description={`${e.repo} · ${e.defaultBranch}`} />
            <Flex gap={4}><Tag>{PROVIDER_LABELS[e.model.provider]}</Tag><Tag>{e.approvalPolicy}</Tag><Tag>{e.sandbox}</Tag></Flex>
          </List.Item>
        )}
      />
      <Drawer title="New environment" open={open} onClose={() => setOpen(false)} size="large" destroyOnHidden>
        <EnvironmentForm onDone={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
