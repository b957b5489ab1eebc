import { SECRET_PROVIDERS, type TProviderKeyStatus } from "@/lib/schemas/settings";
import type { Actor } from "../auth/actor";
import { openSecret, sealSecret } from "../auth/secret-box";
import { db } from "../db";
import type { ModelProvider } from "../generated/prisma/client";
import { recordAudit } from "./audit";

type SecretProvider = (typeof SECRET_PROVIDERS)[number];

/** Which providers the user has a key for; the keys themselves never leave the server. */
export async function listProviderKeys(actor: Actor): Promise<TProviderKeyStatus[]> {
  const rows = await db.providerSecret.findMany({ where: { userId: actor.userId }, select: { provider: true, updatedAt: true } });
  return SECRET_PROVIDERS.map((provider) => {
    const row = rows.find((r) => r.provider === provider);
    return { provider, hasKey: Boolean(row), updatedAt: row?.updatedAt.toISOString() ?? null };
  });
}

export async function setProviderKey(actor: Actor, provider: SecretProvider, apiKey: string): Promise<TProviderKeyStatus> {
  const row = await db.providerSecret.upsert({
    where: { userId_provider: { userId: actor.userId, provider } },
    create: { userId: actor.userId, provider, value: sealSecret(apiKey) },
    update: { value: sealSecret(apiKey) },
  });
  await recordAudit({ actorId: actor.userId, actor: actor.email, action: "provider_key.set", details: { provider } });
  return { provider, hasKey: true, updatedAt: row.updatedAt.toISOString() };
}

export async function deleteProviderKey(actor: Actor, provider: SecretProvider): Promise<void> {
  await db.providerSecret.deleteMany({ where: { userId: actor.userId, provider } });
  await recordAudit({ actorId: actor.userId, actor: actor.email, action: "provider_key.delete", details: { provider } });
}

/** The user's own key for a provider, for the runner; null when none (or unreadable). */
export async function userProviderKey(userId: string, provider: ModelProvider): Promise<string | null> {
  const row = await db.providerSecret.findUnique({ where: { userId_provider: { userId, provider } } });
  return row ? openSecret(row.value) : null;
}
