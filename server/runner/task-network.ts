import type { EgressPolicy } from "../sandbox/egress-proxy";
import type { EnvironmentEnv } from "../services/environment-env";

// What an environment's `internet` setting lets through: the setup script is out for "setup" and
// "on" (to install dependencies, wherever they come from); the agent only for "on", limited to the
// allowed domains when there are any. The model is always reached, through its own forwarder.

export function setupEgress(settings: Pick<EnvironmentEnv, "internet">): EgressPolicy | null {
  return settings.internet === "off" ? null : { allowedDomains: null };
}

export function agentEgress(settings: Pick<EnvironmentEnv, "internet" | "allowedDomains">): EgressPolicy | null {
  if (settings.internet !== "on") return null;
  return { allowedDomains: settings.allowedDomains.length > 0 ? settings.allowedDomains : null };
}
