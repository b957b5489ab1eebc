import { HomePlaceholder } from "@/components/tasks/home-placeholder";

export const metadata = { title: "Tasks · Codex Cloud" };

export default function HomePage() {
  return <HomePlaceholder />;
}
