import { TaskView } from "@/components/task/task-view";

export const metadata = { title: "Task · Codex Cloud" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TaskView taskId={id} />;
}
