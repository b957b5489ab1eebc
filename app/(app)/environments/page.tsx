import { EnvironmentsPage } from "@/components/environments/environments-page";

export const metadata = { title: "Environments · Codex Cloud" };

export default function Page() {
  return <EnvironmentsPage />;
}
