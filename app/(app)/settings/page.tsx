import { SettingsPage } from "@/components/settings/settings-page";

export const metadata = { title: "Settings · Codex Cloud" };

export default function Page() {
  return <SettingsPage />;
}
