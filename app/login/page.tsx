import { LoginPage } from "@/components/auth/login-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Log in · Codex Cloud" };

export default function Page(props: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  return <LoginPage mode="signin" searchParams={props.searchParams} />;
}
