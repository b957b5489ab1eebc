import type { Actor } from "../auth/actor";
import { endAllSessions } from "../auth/user-sessions";
import { recordAudit } from "./audit";

/** "Sign out everywhere": every browser session of the caller ends; tokens are untouched. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await endAllSessions(actor.userId);
  await recordAudit({ actorId: actor.userId, actor: actor.email, action: "auth.sign_out_everywhere", details: {} });
}
