import { randomBytes } from "node:crypto";
import { setupTokenRequired } from "../auth/setup-token";
import { env, setRuntimeEnv } from "../env";
import { logger } from "../logger";

/** At start, while no account exists on a server reachable beyond loopback: the setup token, in the log. */
export async function announceSetupToken(): Promise<void> {
  if (!setupTokenRequired()) return;
  const { noAccountYet } = await import("../services/users");
  if (!(await noAccountYet())) return;
  const token = env().SETUP_TOKEN ?? randomBytes(18).toString("base64url");
  setRuntimeEnv({ SETUP_TOKEN: token });
  logger.warn("first run: the first account (admin) needs this setup token on the sign-up page", { setupToken: token, host: env().HOST });
}
