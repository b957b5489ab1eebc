"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { ApiError } from "@/lib/errors";
import { apiFetch } from "@/lib/fetcher";
import type { TCreateUserResponse } from "@/lib/schemas/users";

const signInErrors: Record<string, string> = {
  rate_limited: "Too many attempts. Wait a minute and try again.",
  credentials: "Wrong email or password.",
};

/** Signs in (or signs up, then signs in); resolves to an inline error message or undefined. */
export function useAuthSubmit(opts: { mode: "signin" | "signup"; onSuccess: () => void }) {
  const [pending, setPending] = useState(false);

  async function submit(credentials: { email: string; password: string }): Promise<string | undefined> {
    setPending(true);
    try {
      if (opts.mode === "signup") {
        await apiFetch<TCreateUserResponse>("/api/users", { method: "POST", json: credentials });
      }
      const result = await signIn("credentials", { ...credentials, redirect: false });
      if (result?.error) return signInErrors[result.code ?? "credentials"] ?? signInErrors.credentials;
      opts.onSuccess();
      return undefined;
    } catch (error) {
      return error instanceof ApiError ? error.message : "Could not reach the server. Try again.";
    } finally {
      setPending(false);
    }
  }

  return { submit, pending };
}
