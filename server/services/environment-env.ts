import type { Environment } from "../generated/prisma/client";

export interface EnvironmentEnv {
  internet: "off" | "setup" | "on";
  allowedDomains: string[];
  variables: Record<string, string>;
  secrets: Record<string, string>;
}

/** Placeholder until the environment fields land: the default network, no variables. */
export function environmentEnv(_environment: Environment): EnvironmentEnv {
  return { internet: "setup", allowedDomains: [], variables: {}, secrets: {} };
}
