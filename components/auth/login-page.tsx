import { redirect } from "next/navigation";
import { safeCallback } from "@/lib/auth/safe-callback";
import { type MessageKey, translator } from "@/lib/i18n/translate";
import { ZEmail } from "@/lib/schemas/users";
import { auth } from "@/server/auth/config";
import { setupTokenRequired } from "@/server/auth/setup-token";
import { env, githubOAuthConfigured } from "@/server/env";
import { requestLocale } from "@/server/i18n/request-locale";
import { noAccountYet } from "@/server/services/users";
import { LoginCard, type LoginMode } from "./login-card";

interface Props {
  mode: LoginMode;
  searchParams: Promise<{ callbackUrl?: string; error?: string; email?: string }>;
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
  // No account yet: both pages create the first one, the administrator.
  const firstRun = await noAccountYet();
  return (
    <LoginCard
      mode={firstRun ? "signup" : mode}
      firstRun={firstRun}
      signupOpen={env().ALLOW_SIGNUP}
      githubEnabled={githubOAuthConfigured()}
      callbackUrl={callbackUrl}
      initialEmail={ZEmail.safeParse(params.email).data}
      initialError={initialError}
      needsSetupToken={firstRun && setupTokenRequired()}
    />
  );
}
