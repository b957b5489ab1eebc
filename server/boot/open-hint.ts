import { setupTokenRequired } from "../auth/setup-token";
import { env } from "../env";

const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);

/** The address a browser on this machine opens: the listening host, or localhost for "every interface". */
export function openUrl(host: string, port: number): string {
  const name = WILDCARD.has(host) ? "localhost" : host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** The last line the server prints at start: where to go and what to do there. */
export async function openHint(port: number): Promise<string> {
  const url = openUrl(env().HOST, port);
  const { noAccountYet } = await import("../services/users");
  if (!(await noAccountYet())) return `Open ${url} to sign in.`;
  const token = setupTokenRequired() ? env().SETUP_TOKEN : undefined;
  return token ? `Open ${url} and create the administrator account with the setup token ${token}.` : `Open ${url} and create the administrator account.`;
}
