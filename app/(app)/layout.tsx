import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { actorFromUserId } from "@/server/auth/actor";
import { auth } from "@/server/auth/config";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (!session?.user?.email) redirect("/login");
  // The role is read from the database on every render: a promotion shows without signing in again.
  const actor = session.user.id ? await actorFromUserId(session.user.id) : null;
  if (!actor) redirect("/login");
  const viewer = { id: actor.userId, email: actor.email, role: actor.role };
  return <AppShell user={{ email: session.user.email, name: session.user.name ?? null }} viewer={viewer}>{children}</AppShell>;
}
