import { AuditList } from "@/components/settings/audit-list";

export const metadata = { title: "Audit · Codex Cloud" };

export default function Page() {
  return <AuditList />;
}
