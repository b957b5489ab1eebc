"use client";

import { BellOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Drawer, List } from "antd";
import { useEffect, useState } from "react";
import { api } from "@/lib/queries/api";
import { approvalKeys, taskKeys } from "@/lib/queries/keys";
import { askForNotifications, notifyIfHidden } from "@/lib/realtime/notify";
import { getSocket } from "@/lib/realtime/socket";
import type { TApproval } from "@/lib/schemas/approvals";
import type { TTaskSummary } from "@/lib/schemas/tasks";
import { useT } from "../i18n/locale-provider";
import { PendingApproval } from "./pending-approval";

/** Pending approvals across the user's tasks, live; also shown in the tab title. */
export function ApprovalsBadge() {
  const queryClient = useQueryClient();
  const t = useT();
  const [open, setOpen] = useState(false);
  const pending = useQuery({ queryKey: approvalKeys.pending, queryFn: ({ signal }) => api.pendingApprovals({ signal }) });
  const count = pending.data?.length ?? 0;

  useEffect(() => {
    const socket = getSocket();
    const refresh = (approval: unknown) => {
      void queryClient.invalidateQueries({ queryKey: approvalKeys.pending });
      const taskId = (approval as { taskId?: string }).taskId;
      if (taskId) void queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) });
    };
    const requested = (approval: unknown) => {
      refresh(approval);
      const a = approval as TApproval;
      notifyIfHidden(t("shell.notifyApproval"), a.command ?? t("shell.notifyFileChanges"), `/tasks/${a.taskId}`);
    };
    const updated = (summary: unknown) => {
      const task = summary as TTaskSummary;
      if (task.status === "ready" || task.status === "error") {
        notifyIfHidden(t(task.status === "ready" ? "shell.notifyReady" : "shell.notifyFailed"), task.title, `/tasks/${task.id}`);
      }
    };
    socket.on("approval:requested", requested);
    socket.on("approval:resolved", refresh);
    socket.on("task:updated", updated);
    return () => {
      socket.off("approval:requested", requested);
      socket.off("approval:resolved", refresh);
      socket.off("task:updated", updated);
    };
  }, [queryClient, t]);

  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, "");
    document.title = count > 0 ? `(${count}) ${base}` : base;
  }, [count]);

  return (
    <>
      <Badge count={count} size="small">
        <Button type="text" aria-label={t("shell.pendingApprovals", { count })} icon={<BellOutlined style={{ color: "#fff" }} />} onClick={() => (askForNotifications(), setOpen(true))} />
      </Badge>
      <Drawer title={t("shell.waitingForYou")} open={open} onClose={() => setOpen(false)}>
        <List
          dataSource={pending.data ?? []}
          locale={{ emptyText: t("shell.nothingWaiting") }}
          renderItem={(a) => (
            <List.Item>
              <PendingApproval approval={a} onOpen={() => setOpen(false)} />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
