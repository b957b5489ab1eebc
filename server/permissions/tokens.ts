import type { TTokenScope } from "@/lib/schemas/tokens";
import type { Actor } from "../auth/actor";
import { AppError } from "../http/errors";

const RANK: Record<TTokenScope, number> = { read: 0, tasks: 1, admin: 2 };

/** A session may do everything; a token what its scope covers (read ⊂ tasks ⊂ admin). */
export function scopeAllows(actor: Actor, needed: TTokenScope): boolean {
  return actor.via === "session" || RANK[actor.scope ?? "read"] >= RANK[needed];
}

/** Named check: a token whose scope does not cover the request gets 403 FORBIDDEN. */
export function assertScope(actor: Actor, needed: TTokenScope): void {
  if (!scopeAllows(actor, needed)) {
    throw new AppError("FORBIDDEN", `This token's scope is "${actor.scope}"; this request needs a token with the "${needed}" scope.`);
  }
}
