import { AuditList } from "@/components/settings/audit-list";
import { pageTitle } from "@/server/i18n/page-title";

export const generateMetadata = pageTitle("meta.audit");

export default function Page() {
  return <AuditList />;
}
