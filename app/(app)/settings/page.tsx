import { SettingsPage } from "@/components/settings/settings-page";
import { pageTitle } from "@/server/i18n/page-title";

export const generateMetadata = pageTitle("meta.settings");

export default function Page() {
  return <SettingsPage />;
}
