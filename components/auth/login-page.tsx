import { redirect } from "next/navigation";
import { auth } from "@/server/auth/config";
import { githubOAuthConfigured } from "@/server/env";
import { LoginCard, type LoginMode } from "./login-card";

interface Props {
  mode: LoginMode;
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}

/** Only same-site paths are followed after sign-in. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

const oauthErrors: Record<string, string> = {
  AccessDenied: "Sign-up is closed on this server. Ask an administrator for an account.",
  OAuthAccountNotLinked: "This email is already registered with a password. Sign in with it instead.",
};

export async function LoginPage({ mode, searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if ((await auth())?.user) redirect(callbackUrl);
  const initialError = params.error ? (oauthErrors[params.error] ?? "Sign-in failed. Try again.") : undefined;
  return <LoginCard mode={mode} githubEnabled={githubOAuthConfigured()} callbackUrl={callbackUrl} initialError={initialError} />;
}
