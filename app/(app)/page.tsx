import { TasksHome } from "@/components/tasks/tasks-home";
import { pageTitle } from "@/server/i18n/page-title";

export const generateMetadata = pageTitle("meta.tasks");

export default function HomePage() {
  return <TasksHome />;
}
