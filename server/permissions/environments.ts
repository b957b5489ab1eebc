import { db } from "../db";
import type { Environment } from "../generated/prisma/client";
import { notFound } from "../http/errors";

/** Named check: an environment is visible only to its owner; otherwise it does not exist. */
export async function findEnvironmentForUser(userId: string, environmentId: string): Promise<Environment> {
  const environment = await db.environment.findFirst({ where: { id: environmentId, ownerId: userId } });
  if (!environment) throw notFound("Environment");
  return environment;
}
