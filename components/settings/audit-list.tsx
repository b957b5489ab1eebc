"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button, Table, Typography } from "antd";
import Link from "next/link";
import { settingsApi } from "@/lib/queries/api";
import { settingsKeys } from "@/lib/queries/keys";
import { useLocale } from "../i18n/locale-provider";

/** The signed-in user's audit trail: sign-ins, tokens, tasks, approvals, applies. */
export function AuditList() {
  const { locale, t } = useLocale();
  const audit = useInfiniteQuery({
    queryKey: settingsKeys.audit,
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => settingsApi.audit(pageParam, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Typography.Title level={2}>{t("settings.auditLog")}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        loading={audit.isLoading}
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={rows}
        columns={[
          { title: t("settings.when"), dataIndex: "at", render: (at: string) => new Date(at).toLocaleString(locale) },
          { title: t("settings.who"), dataIndex: "actor" },
          { title: t("settings.what"), dataIndex: "action" },
          { title: t("settings.task"), dataIndex: "taskId", render: (id?: string) => id && <Link href={`/tasks/${id}`}>{id.slice(-8)}</Link> },
          { title: t("settings.details"), dataIndex: "details", render: (d: unknown) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{JSON.stringify(d)}</Typography.Text> },
        ]}
      />
      {audit.hasNextPage && <Button block onClick={() => void audit.fetchNextPage()}>{t("common.loadMore")}</Button>}
    </>
  );
}
