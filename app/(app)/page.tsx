import { TasksHome } from "@/components/tasks/tasks-home";

export const metadata = { title: "Tasks · Codex Cloud" };

export default function HomePage() {
  return <TasksHome />;
}
