"use client";

import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { Alert, App, Button, Drawer, Flex, Popconfirm, Tag, Typography } from "antd";
import { useState } from "react";
import { useDeleteEnvironment, useEnvironments } from "@/lib/queries/environments";
import type { TEnvironment } from "@/lib/schemas/environments";
import { useT } from "../i18n/locale-provider";
import { useIsAdmin } from "../shell/viewer";
import { RowList } from "../ui/row-list";
import { EnvironmentAccessTags } from "./environment-access-tags";
import { EnvironmentForm } from "./environment-form";
import { PROVIDER_LABELS } from "./provider-labels";

type Editing = { mode: "new" } | { mode: "edit"; environment: TEnvironment } | null;

/** The instance's shared environments; administrators create and edit them in a drawer and delete one no task uses. */
export function EnvironmentsPage() {
  const t = useT();
  const admin = useIsAdmin();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(null);
  const environments = useEnvironments({ fresh: true });
  const remove = useDeleteEnvironment();
  const onDelete = (e: TEnvironment) => remove.mutate(e.id, { onError: (error) => void message.error(error.message) });
  const current = editing?.mode === "edit" ? editing.environment : undefined;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2}>{t("environments.title")}</Typography.Title>
        {admin && <Button type="primary" onClick={() => setEditing({ mode: "new" })}>{t("environments.create")}</Button>}
      </Flex>
      {!admin && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("members.readOnlyEnvironments")} />}
      <RowList
        label={t("environments.title")}
        loading={environments.isLoading}
        items={environments.data ?? []}
        rowKey={(e) => e.id}
        empty={t(admin ? "environments.empty" : "members.askAdmin")}
        renderRow={(e) => (
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Flex vertical style={{ minWidth: 0, flex: "1 1 280px" }}>
              <Typography.Text strong>{e.label}</Typography.Text>
              <Typography.Text type="secondary" ellipsis>
                {`${e.repo} · ${e.defaultBranch}`}{e.totalTokens > 0 && ` · ${t("environments.tokensUsed", { count: e.totalTokens })}`}
              </Typography.Text>
            </Flex>
            <Flex gap={4} wrap align="center">
              <Tag>{t(PROVIDER_LABELS[e.model.provider])}</Tag>
              <Tag>{e.approvalPolicy}</Tag>
              <Tag>{e.sandbox}</Tag>
              <EnvironmentAccessTags environment={e} />
              {admin && (
                <>
                  <Button type="text" icon={<EditOutlined />} aria-label={t("environments.edit", { label: e.label })} onClick={() => setEditing({ mode: "edit", environment: e })} />
                  <Popconfirm title={t("environments.deleteConfirm", { label: e.label })} okText={t("environments.deleteOk")} okButtonProps={{ danger: true }} onConfirm={() => onDelete(e)}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t("environments.delete", { label: e.label })} />
                  </Popconfirm>
                </>
              )}
            </Flex>
          </Flex>
        )}
      />
      <Drawer title={current ? t("environments.edit", { label: current.label }) : t("environments.create")} open={admin && editing !== null} onClose={() => setEditing(null)} size="large" destroyOnHidden>
        <EnvironmentForm key={current?.id ?? "new"} environment={current} onDone={() => setEditing(null)} />
      </Drawer>
    </>
  );
}
