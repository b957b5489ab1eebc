import type { Environment } from "../generated/prisma/client";
import { syncMirror } from "../git/mirror";
import { remoteReason } from "../git/remote";
import { remoteTarget } from "../services/environment-remote";

/** Where an attempt's workspace is cloned from, and the `origin` it then names. */
export interface CheckoutSource {
  repo: string;
  origin?: string;
}

/**
 * A local environment's workspaces are cloned from its repository, as always; a remote one's
 * from its mirror, fetched first (concurrent starts share one fetch). A failed fetch throws
 * with git's reason, never the credential.
 */
export async function checkoutSource(environment: Environment): Promise<CheckoutSource> {
  const target = remoteTarget(environment);
  if (!target) return { repo: environment.repo };
  const mirror = await syncMirror({ environmentId: environment.id, target }).catch((error: unknown) => {
    throw new Error(`Could not fetch ${environment.repo}: ${remoteReason(error, target.credential)}`);
  });
  return { repo: mirror, origin: environment.repo };
}
