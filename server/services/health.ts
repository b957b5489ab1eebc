import { codexVersion } from "../runner/codex-binary";
import { db } from "../db";
import { logger } from "../logger";
import { env } from "../env";

export interface Health {
  ok: boolean;
  db: "up" | "down";
  codex: string;
  /** The task sandbox's driver: "bubblewrap", or "none" (development only). */
  sandbox: "bubblewrap" | "none";
}

export async function checkHealth(): Promise<Health> {
  const [dbUp, codex] = await Promise.all([
    db.$queryRaw`SELECT 1`.then(
      () => true,
      (error: unknown) => (logger.warn("health: database down", { error }), false),
    ),
    codexVersion().catch(() => "unavailable"),
  ]);
  return { ok: dbUp, db: dbUp ? "up" : "down", codex, sandbox: env().SANDBOX };
}
