"use client";

import { App, Button, Card, Popconfirm, Select, Table, Tag, Typography } from "antd";
import { useRouter } from "next/navigation";
import { useSetDisabled, useSetRole, useUsers } from "@/lib/queries/members";
import { ROLES, type TRole, type TUser } from "@/lib/schemas/users";
import { useLocale } from "../i18n/locale-provider";
import { useViewer } from "../shell/viewer";
import { ROLE_LABELS } from "./role-labels";

/** Administrators only: every user with their role; promote or demote from a select. */
export function MembersCard() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const router = useRouter();
  const viewer = useViewer();
  const users = useUsers();
  const setRole = useSetRole();
  const setDisabled = useSetDisabled();
  const toggle = (user: TUser) =>
    setDisabled.mutate(
      { id: user.id, disabled: !user.disabled },
      {
        onSuccess: (u) => void message.success(t(u.disabled ? "members.disabledDone" : "members.enabledDone", { email: u.email })),
        onError: (error) => void message.error(error.message),
      },
    );
  const change = (user: TUser, role: TRole) =>
    setRole.mutate(
      { id: user.id, role },
      {
        onSuccess: (u) => {
          void message.success(t("members.changed", { email: u.email, role: t(ROLE_LABELS[u.role]) }));
          // Demoting oneself changes what this page may show: the layout reads the role again.
          if (u.id === viewer.id) router.refresh();
        },
        onError: (error) => void message.error(error.message),
      },
    );
  return (
    <Card title={t("members.title")}>
      <Typography.Paragraph type="secondary">{t("members.help")}</Typography.Paragraph>
      <Table<TUser>
        rowKey="id"
        size="small"
        pagination={false}
        loading={users.isLoading}
        dataSource={users.data ?? []}
        scroll={{ x: true }}
        columns={[
          {
            title: t("members.user"),
            key: "user",
            render: (_, u) => (
              <>
                <Typography.Text>{u.name ? `${u.name} · ${u.email}` : u.email}</Typography.Text>
                {u.id === viewer.id && <Tag style={{ marginInlineStart: 8 }}>{t("members.you")}</Tag>}
              </>
            ),
          },
          {
            title: t("members.role"),
            key: "role",
            render: (_, u) => (
              <Select<TRole>
                aria-label={t("members.roleOf", { email: u.email })}
                value={u.role}
                style={{ minWidth: 150 }}
                options={ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
                onChange={(role) => change(u, role)}
              />
            ),
          },
          {
            title: t("members.access"),
            key: "access",
            render: (_, u) => u.disabled ? (
              <>
                <Tag color="red">{t("members.disabledTag")}</Tag>
                <Button size="small" aria-label={t("members.enableOf", { email: u.email })} onClick={() => toggle(u)}>{t("members.enable")}</Button>
              </>
            ) : (
              <>
                <Tag color="green">{t("members.active")}</Tag>
                {u.id !== viewer.id && u.role !== "admin" && (
                  <Popconfirm title={t("members.disableConfirm", { email: u.email })} okText={t("members.disable")} okButtonProps={{ danger: true }} onConfirm={() => toggle(u)}>
                    <Button size="small" danger aria-label={t("members.disableOf", { email: u.email })}>{t("members.disable")}</Button>
                  </Popconfirm>
                )}
              </>
            ),
          },
          { title: t("members.joined"), key: "joined", render: (_, u) => new Date(u.createdAt).toLocaleDateString(locale) },
        ]}
      />
    </Card>
  );
}
