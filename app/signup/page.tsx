import { LoginPage } from "@/components/auth/login-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Create an account · Codex Cloud" };

export default function Page(props: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  return <LoginPage mode="signup" searchParams={props.searchParams} />;
}
