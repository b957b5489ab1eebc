"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { ApiError } from "@/lib/errors";
import { apiFetch } from "@/lib/fetcher";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TCreateUserResponse } from "@/lib/schemas/users";
import { useT } from "../i18n/locale-provider";

const signInErrors: Record<string, MessageKey> = {
  rate_limited: "auth.rateLimited",
  disabled: "auth.accountDisabled",
  credentials: "auth.wrongCredentials",
};

/** Signs in (or signs up, then signs in); resolves to an inline error message or undefined. */
export function useAuthSubmit(opts: { mode: "signin" | "signup"; onSuccess: () => void }) {
  const t = useT();
  const [pending, setPending] = useState(false);

  async function submit({ setupToken, ...credentials }: { email: string; password: string; setupToken?: string }): Promise<string | undefined> {
    setPending(true);
    try {
      if (opts.mode === "signup") {
        await apiFetch<TCreateUserResponse>("/api/users", { method: "POST", json: { ...credentials, setupToken } });
      }
      const result = await signIn("credentials", { ...credentials, redirect: false });
      if (result?.error) return t(signInErrors[result.code ?? "credentials"] ?? "auth.wrongCredentials");
      opts.onSuccess();
      return undefined;
    } catch (error) {
      return error instanceof ApiError ? error.message : t("auth.unreachable");
    } finally {
      setPending(false);
    }
  }

  return { submit, pending };
}
