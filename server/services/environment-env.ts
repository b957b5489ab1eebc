import { z } from "zod";
import type { TInternet } from "@/lib/schemas/environment-env";
import { openSecret } from "../auth/secret-box";
import type { Environment } from "../generated/prisma/client";
import { AppError } from "../http/errors";

// How an environment's variables and secrets are kept in its JSON columns, and what the
// runner gets from them. Values never go to the log: errors name the variable, not its value.

const ZStoredVariables = z.array(z.object({ name: z.string(), value: z.string() }));
/** `sealed` is secret-box output: AES-256-GCM under a key derived from AUTH_SECRET. */
const ZStoredSecrets = z.array(z.object({ name: z.string(), sealed: z.string() }));

export type StoredVariable = z.infer<typeof ZStoredVariables>[number];
export type StoredSecret = z.infer<typeof ZStoredSecrets>[number];

export const storedVariables = (row: Pick<Environment, "variables">): StoredVariable[] => ZStoredVariables.parse(row.variables);
export const storedSecrets = (row: Pick<Environment, "secrets">): StoredSecret[] => ZStoredSecrets.parse(row.secrets);

export interface EnvironmentEnv {
  /** off: nothing reaches the internet; setup: only the setup script may; on: setup and agent. */
  internet: TInternet;
  /** With "on" and non-empty: the only hosts allowed ("*.example.com" also matches subdomains). Always [] otherwise. */
  allowedDomains: string[];
  /** For the setup script and the agent. */
  variables: Record<string, string>;
  /** Decrypted; for the setup script only. */
  secrets: Record<string, string>;
}

/**
 * What a task of this environment may reach and the variables its processes get. Throws
 * VALIDATION_FAILED naming the secret when one can no longer be decrypted (AUTH_SECRET changed):
 * running the setup script without it would fail in a less readable way.
 */
export function environmentEnv(environment: Environment): EnvironmentEnv {
  // Entries, not assignments: a variable may be called __proto__.
  const secrets = storedSecrets(environment).map(({ name, sealed }) => {
    const value = openSecret(sealed);
    if (value === null) {
      throw new AppError("VALIDATION_FAILED", `The secret ${name} of this environment can no longer be decrypted (the server's AUTH_SECRET changed); enter it again.`);
    }
    return [name, value] as const;
  });
  return {
    internet: environment.internet,
    allowedDomains: environment.internet === "on" ? [...environment.allowedDomains] : [],
    variables: Object.fromEntries(storedVariables(environment).map((v) => [v.name, v.value])),
    secrets: Object.fromEntries(secrets),
  };
}
