import type { TCredentialInput } from "@/lib/schemas/environment-remote";
import type { TEnvironment } from "@/lib/schemas/environments";
import { openSecret, sealSecret } from "../auth/secret-box";
import type { Environment } from "../generated/prisma/client";
import type { GitCredential } from "../git/remote-auth";
import type { RemoteAddress } from "../git/remote-url";
import { AppError } from "../http/errors";

// A remote environment's credential at rest: sealed like the secrets (secret-box), one of a
// token (https) or an ssh key (ssh), returned only as `{set: true, type}`.

type Row = Pick<Environment, "gitToken" | "gitSshKey">;

const invalid = (message: string) => new AppError("VALIDATION_FAILED", message, [{ path: ["credential"], message }]);

export function credentialState(row: Row): TEnvironment["credential"] {
  if (row.gitToken) return { set: true, type: "token" };
  if (row.gitSshKey) return { set: true, type: "sshKey" };
  return null;
}

/** Decrypted, for server-side git only. Throws VALIDATION_FAILED when AUTH_SECRET changed since it was stored. */
export function storedCredential(row: Row): GitCredential | null {
  const sealed = row.gitToken ?? row.gitSshKey;
  if (!sealed) return null;
  const plain = openSecret(sealed);
  if (plain === null) throw invalid("This environment's credential can no longer be decrypted (the server's AUTH_SECRET changed); enter it again.");
  return row.gitToken ? { token: plain } : { sshKey: plain };
}

/** The credential a create or patch leaves: `undefined` keeps the stored one, null removes it. */
export function nextCredential(input: TCredentialInput | null | undefined, current: Row | null): GitCredential | null {
  if (input === null) return null;
  if (input) return input.token ? { token: input.token } : { sshKey: input.sshKey! };
  return current ? storedCredential(current) : null;
}

/** A token is for https remotes, an ssh key for ssh ones; git:// and local repositories take none. */
export function assertCredentialFits(credential: GitCredential | null, remote: RemoteAddress | null): void {
  if (!credential) return;
  if (!remote) throw invalid("A repository on this server needs no credential; remove it.");
  if (credential.token && remote.transport !== "https") throw invalid("An access token is used for https:// remotes; an ssh remote needs credential.sshKey.");
  if (credential.sshKey && remote.transport !== "ssh") throw invalid("An ssh key is used for ssh remotes; an https:// remote needs credential.token.");
}

export function credentialColumns(input: TCredentialInput | null | undefined): Partial<Pick<Environment, "gitToken" | "gitSshKey">> {
  if (input === undefined) return {};
  if (input === null) return { gitToken: null, gitSshKey: null };
  return input.token ? { gitToken: sealSecret(input.token), gitSshKey: null } : { gitToken: null, gitSshKey: sealSecret(input.sshKey!) };
}
