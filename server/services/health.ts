import { codexVersion } from "../runner/codex-binary";
import { db } from "../db";
import { logger } from "../logger";

export interface Health {
  ok: boolean;
  db: "up" | "down";
  codex: string;
}

export async function checkHealth(): Promise<Health> {
  const [dbUp, codex] = await Promise.all([
    db.$queryRaw`SELECT 1`.then(
      () => true,
      (error: unknown) => (logger.warn("health: database down", { error }), false),
    ),
    codexVersion().catch(() => "unavailable"),
  ]);
  return { ok: dbUp, db: dbUp ? "up" : "down", codex };
}
