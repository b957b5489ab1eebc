"use client";

import { Typography } from "antd";
import { useT } from "../i18n/locale-provider";
import { TaskComposer } from "./task-composer";
import { TaskList } from "./task-list";

export function TasksHome() {
  const t = useT();
  return (
    <>
      <Typography.Title level={2} style={{ textAlign: "center" }}>
        {t("tasks.heading")}
      </Typography.Title>
      <TaskComposer />
      <TaskList />
    </>
  );
}
