import { Empty, Typography } from "antd";

export const metadata = { title: "Tasks · Codex Cloud" };

export default function HomePage() {
  return (
    <>
      <Typography.Title level={2} style={{ textAlign: "center" }}>
        What should we code next?
      </Typography.Title>
      <Empty description="No tasks yet." />
    </>
  );
}
