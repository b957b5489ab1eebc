import type { Actor } from "../auth/actor";
import { AppError } from "../http/errors";

export function isAdmin(actor: Actor): boolean {
  return actor.role === "admin";
}

/** Named check: administrators only; anyone else gets 403 FORBIDDEN (the route is not secret). */
export function assertAdmin(actor: Actor, what = "do this"): void {
  if (!isAdmin(actor)) throw new AppError("FORBIDDEN", `Only administrators can ${what}.`);
}
