"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { TRole } from "@/lib/schemas/users";

/** The signed-in user as the interface needs them (the server checks every request itself). */
export interface Viewer {
  id: string;
  email: string;
  role: TRole;
}

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer outside the signed-in layout");
  return viewer;
}

export const useIsAdmin = () => useViewer().role === "admin";
