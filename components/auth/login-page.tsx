import { redirect } from "next/navigation";
import { safeCallback } from "@/lib/auth/safe-callback";
import { type MessageKey, translator } from "@/lib/i18n/translate";
import { auth } from "@/server/auth/config";
import { setupTokenRequired } from "@/server/auth/setup-token";
import { db } from "@/server/db";
import { githubOAuthConfigured } from "@/server/env";
import { requestLocale } from "@/server/i18n/request-locale";
import { LoginCard, type LoginMode } from "./login-card";

interface Props {
  mode: LoginMode;
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}

const oauthErrors: Record<string, MessageKey> = {
  AccessDenied: "auth.signupClosed",
  OAuthAccountNotLinked: "auth.accountNotLinked",
};

export async function LoginPage({ mode, searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if ((await auth())?.user) redirect(callbackUrl);
  const t = translator(await requestLocale());
  const initialError = params.error ? t(oauthErrors[params.error] ?? "auth.signInFailed") : undefined;
  const needsSetupToken = mode === "signup" && setupTokenRequired() && (await db.user.count()) === 0;
  return <LoginCard mode={mode} githubEnabled={githubOAuthConfigured()} callbackUrl={callbackUrl} initialError={initialError} needsSetupToken={needsSetupToken} />;
}
