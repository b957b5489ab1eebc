import { LoginPage } from "@/components/auth/login-page";
import { pageTitle } from "@/server/i18n/page-title";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("meta.signup");

export default function Page(props: { searchParams: Promise<{ callbackUrl?: string; error?: string; email?: string }> }) {
  return <LoginPage mode="signup" searchParams={props.searchParams} />;
}
