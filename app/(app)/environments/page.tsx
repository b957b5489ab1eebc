import { EnvironmentsPage } from "@/components/environments/environments-page";
import { pageTitle } from "@/server/i18n/page-title";

export const generateMetadata = pageTitle("meta.environments");

export default function Page() {
  return <EnvironmentsPage />;
}
