import type { MessageKey } from "@/lib/i18n/translate";
import type { TRole } from "@/lib/schemas/users";

/** How each role is named in the interface. */
export const ROLE_LABELS: Record<TRole, MessageKey> = { admin: "members.admin", member: "members.member" };
