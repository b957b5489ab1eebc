"use client";

import { Typography } from "antd";
import { TaskComposer } from "./task-composer";
import { TaskList } from "./task-list";

export function TasksHome() {
  return (
    <>
      <Typography.Title level={2} style={{ textAlign: "center" }}>
        What should we code next?
      </Typography.Title>
      <TaskComposer />
      <TaskList />
    </>
  );
}
