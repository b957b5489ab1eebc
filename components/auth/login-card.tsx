"use client";

import { GithubOutlined } from "@ant-design/icons";
import { Button, Card, Divider, Flex, Form, Input, Typography } from "antd";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import type { MessageKey } from "@/lib/i18n/translate";
import { PASSWORD_MIN_LENGTH, ZEmail, ZPassword } from "@/lib/schemas/users";
import { useT } from "../i18n/locale-provider";
import { useHydrated } from "../use-hydrated";
import { useAuthSubmit } from "./use-auth-submit";

export type LoginMode = "signin" | "signup";

interface Props {
  mode: LoginMode;
  /** No account exists yet: this one will be the administrator. */
  firstRun: boolean;
  /** Whether a failed sign-in may offer to create an account (ALLOW_SIGNUP). */
  signupOpen: boolean;
  githubEnabled: boolean;
  callbackUrl: string;
  /** Carried over from a failed sign-in (/signup?email=...). */
  initialEmail?: string;
  initialError?: string;
  /** The first account of a server reachable beyond loopback needs the setup token from its log. */
  needsSetupToken?: boolean;
}

const copy: Record<LoginMode, { title: MessageKey; switchText: MessageKey; switchLink: MessageKey; switchHref: string }> = {
  signin: { title: "auth.welcomeBack", switchText: "auth.noAccount", switchLink: "auth.signUp", switchHref: "/signup" },
  signup: { title: "auth.createAccount", switchText: "auth.haveAccount", switchLink: "auth.logIn", switchHref: "/login" },
};

/** ChatGPT-style sign-in: email step, then password step with "Edit" to go back. */
export function LoginCard({ mode, firstRun, signupOpen, githubEnabled, callbackUrl, initialEmail, initialError, needsSetupToken }: Props) {
  const router = useRouter();
  const t = useT();
  const [step, setStep] = useState<"email" | "password">("email");
  const [email, setEmail] = useState(initialEmail ?? "");
  const [password, setPassword] = useState("");
  const [setupToken, setSetupToken] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>(initialError);
  // Offered on every failed sign-in while sign-up is open: an unknown email must look like any other.
  const [offerSignUp, setOfferSignUp] = useState(false);
  const { submit, pending } = useAuthSubmit({ mode, onSuccess: () => (router.replace(callbackUrl), router.refresh()) });
  const text = copy[mode];
  const hydrated = useHydrated();
  const clearError = () => (setFieldError(undefined), setOfferSignUp(false));

  const continueFromEmail = () => {
    const parsed = ZEmail.safeParse(email);
    if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message);
    setEmail(parsed.data);
    setFieldError(undefined);
    setStep("password");
  };

  const continueFromPassword = async () => {
    const check = mode === "signup" ? ZPassword.safeParse(password) : { success: password.length > 0 } as const;
    if (!check.success) {
      return setFieldError("error" in check ? check.error.issues[0]?.message : t("auth.enterPassword"));
    }
    const error = await submit({ email, password, ...(needsSetupToken ? { setupToken } : {}) });
    setFieldError(error);
    setOfferSignUp(mode === "signin" && signupOpen && error !== undefined);
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: "100vh", padding: 16 }}>
      <Typography.Text strong style={{ fontSize: 18, marginBottom: 24 }}>
        Codex Cloud
      </Typography.Text>
      <Card style={{ width: "100%", maxWidth: 400 }} styles={{ body: { padding: 32 } }} variant="borderless">
        <Typography.Title level={2} style={{ textAlign: "center", marginTop: 0, marginBottom: 28 }}>
          {t(firstRun ? "auth.createAdmin" : text.title)}
        </Typography.Title>
        <Form layout="vertical" requiredMark={false} onFinish={step === "email" ? continueFromEmail : continueFromPassword}>
          <Form.Item
            label={t("auth.email")}
            htmlFor="email"
            validateStatus={step === "email" && fieldError ? "error" : undefined}
            help={step === "email" ? fieldError : undefined}
          >
            <Input
              id="email"
              size="large"
              inputMode="email"
              autoComplete="email"
              autoFocus
              value={email}
              readOnly={!hydrated || step === "password"}
              onChange={(e) => (setEmail(e.target.value), clearError())}
              suffix={
                step === "password" ? (
                  <Button type="link" size="small" onClick={() => (setStep("email"), setPassword(""), clearError())}>
                    {t("auth.edit")}
                  </Button>
                ) : undefined
              }
            />
          </Form.Item>
          {step === "password" && (
            <Form.Item
              label={t("auth.password")}
              htmlFor="password"
              validateStatus={fieldError ? "error" : undefined}
              help={fieldError}
              extra={mode === "signup" ? <span id="password-rule">{t("auth.passwordRule", { min: PASSWORD_MIN_LENGTH })}</span> : undefined}
            >
              <Input.Password
                id="password"
                size="large"
                autoFocus
                autoComplete={mode === "signup" ? "new-password" : "current-password"}
                aria-describedby={mode === "signup" ? "password-rule" : undefined}
                value={password}
                onChange={(e) => (setPassword(e.target.value), clearError())}
              />
            </Form.Item>
          )}
          {offerSignUp && (
            <Typography.Paragraph>
              <Link href={`/signup?${new URLSearchParams({ email, callbackUrl })}`}>{t("auth.newHere")}</Link>
            </Typography.Paragraph>
          )}
          {step === "password" && needsSetupToken && (
            <Form.Item label={t("auth.setupToken")} htmlFor="setupToken" extra={t("auth.setupTokenHelp")}>
              <Input id="setupToken" size="large" autoComplete="off" value={setupToken} onChange={(e) => setSetupToken(e.target.value)} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={pending} disabled={!hydrated}>
            {t("auth.continue")}
          </Button>
        </Form>
        {!firstRun && (
          <Typography.Paragraph style={{ textAlign: "center", marginTop: 16, marginBottom: 0 }}>
            {t(text.switchText)} <Link href={`${text.switchHref}?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t(text.switchLink)}</Link>
          </Typography.Paragraph>
        )}
        {githubEnabled && (
          <>
            <Divider plain>{t("auth.or")}</Divider>
            <Flex vertical gap={8}>
              <Button size="large" block icon={<GithubOutlined />} onClick={() => void signIn("github", { redirectTo: callbackUrl })}>
                {t("auth.github")}
              </Button>
            </Flex>
          </>
        )}
      </Card>
    </Flex>
  );
}
