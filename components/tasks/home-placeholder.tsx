"use client";

import { Empty, Typography } from "antd";

export function HomePlaceholder() {
  return (
    <>
      <Typography.Title level={2} style={{ textAlign: "center" }}>
        What should we code next?
      </Typography.Title>
      <Empty description="No tasks yet." />
    </>
  );
}
