import { TaskView } from "@/components/task/task-view";
import { pageTitle } from "@/server/i18n/page-title";

export const generateMetadata = pageTitle("meta.task");

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TaskView taskId={id} />;
}
