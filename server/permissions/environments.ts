import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { Environment } from "../generated/prisma/client";
import { notFound } from "../http/errors";
import { assertAdmin } from "./users";

// Environments are shared by every signed-in user of the instance: anyone may read one and
// start tasks on it; only administrators create, change or delete them (a setup script runs
// on the server). `ownerId` records who created it and grants nothing.

/** Named check: any signed-in user may read an environment that exists. */
export async function findEnvironment(environmentId: string): Promise<Environment> {
  const environment = await db.environment.findUnique({ where: { id: environmentId } });
  if (!environment) throw notFound("Environment");
  return environment;
}

/** Named check: creating, changing and deleting environments is for administrators. */
export function assertCanManageEnvironments(actor: Actor): void {
  assertAdmin(actor, "create, change or delete environments");
}
