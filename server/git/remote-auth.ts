import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";
import { parseRemote } from "./remote-url";

// The one place a remote's credential meets git. It lives only in the environment of the
// server's own git process (and the helpers git starts): never in a URL, a .git/config, a
// command line or a file a task can see. Reused for fetch, ls-remote and push.

/** Decrypted; a token for https remotes, an ssh private key for ssh ones. */
export interface GitCredential {
  token?: string;
  sshKey?: string;
}

export type ForgeKindName = "github" | "gitlab" | "gitea";

/**
 * The basic-auth pair a forge accepts for a token over https: GitHub `x-access-token:<token>`
 * (personal and app tokens), GitLab `oauth2:<token>` (personal, project and OAuth tokens),
 * Gitea/Forgejo `<token>:x-oauth-basic` (the token as user name, which every version accepts).
 */
export function basicAuthPair(token: string, forge: ForgeKindName | null | undefined): { username: string; password: string } {
  if (forge === "gitlab") return { username: "oauth2", password: token };
  if (forge === "gitea") return { username: token, password: "x-oauth-basic" };
  return { username: "x-access-token", password: token };
}

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

function configEnv(entries: [string, string][]): Record<string, string> {
  const out: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], i) => {
    out[`GIT_CONFIG_KEY_${i}`] = key;
    out[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return out;
}

// Answers git's `get` with the pair from its own environment; `store`/`erase` are ignored.
const HELPER = `!f() { test "$1" = get && printf 'username=%s\\npassword=%s\\n' "$CODEX_CLOUD_GIT_USERNAME" "$CODEX_CLOUD_GIT_PASSWORD"; }; f`;

/** Where ssh remembers the hosts it has met (first use accepted, a changed key refused). */
export const knownHostsFile = () => path.join(env().DATA_DIR, "ssh", "known_hosts");

/**
 * Runs `run` with the environment variables server-side git needs to reach `repo` with
 * `credential`: for https a credential helper scoped to the remote's origin (no other host ever
 * gets the token, no other helper is asked), for ssh a temporary 0600 key file under DATA_DIR
 * (outside every sandbox) and `GIT_SSH_COMMAND` with no user config, no agent, batch mode and
 * DATA_DIR's known_hosts. The key file is removed when `run` settles. Also trusts
 * GIT_REMOTE_CA_FILE for https when set. Pass the variables as `env` to git().
 */
export async function withGitCredential<T>(
  opts: { repo: string; credential: GitCredential | null; forge?: ForgeKindName | null },
  run: (gitEnv: Record<string, string>) => Promise<T>,
): Promise<T> {
  const remote = parseRemote(opts.repo);
  const config: [string, string][] = [["credential.helper", ""]];
  const extra: Record<string, string> = { GIT_ASKPASS: "", SSH_ASKPASS: "" };
  let keyDir: string | null = null;
  if (remote?.transport === "https") {
    const ca = env().GIT_REMOTE_CA_FILE;
    if (ca) config.push(["http.sslCAInfo", ca]);
    const token = opts.credential?.token;
    if (token) {
      const origin = `https://${remote.host.includes(":") ? `[${remote.host}]` : remote.host}${remote.port ? `:${remote.port}` : ""}`;
      const pair = basicAuthPair(token, opts.forge);
      config.push([`credential.${origin}.helper`, HELPER]);
      Object.assign(extra, { CODEX_CLOUD_GIT_USERNAME: pair.username, CODEX_CLOUD_GIT_PASSWORD: pair.password });
    }
  } else if (remote?.transport === "ssh") {
    await mkdir(path.dirname(knownHostsFile()), { recursive: true, mode: 0o700 });
    const ssh = ["ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentityAgent=none", "-o", "StrictHostKeyChecking=accept-new"];
    ssh.push("-o", `UserKnownHostsFile=${quote(knownHostsFile())}`, "-o", "ConnectTimeout=15");
    if (opts.credential?.sshKey) {
      keyDir = path.join(env().DATA_DIR, "git-auth", randomBytes(12).toString("hex"));
      await mkdir(keyDir, { recursive: true, mode: 0o700 });
      const keyFile = path.join(keyDir, "key");
      await writeFile(keyFile, `${opts.credential.sshKey.replace(/\r\n/g, "\n").trim()}\n`, { mode: 0o600 });
      ssh.push("-i", quote(keyFile), "-o", "IdentitiesOnly=yes");
    }
    Object.assign(extra, { GIT_SSH_COMMAND: ssh.join(" "), GIT_SSH_VARIANT: "ssh" });
  }
  try {
    return await run({ ...configEnv(config), ...extra });
  } finally {
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  }
}

/** `text` (git's stderr, say) with every form of the credential replaced by "***". */
export function scrubCredential(text: string, credential: GitCredential | null): string {
  const values: string[] = [];
  if (credential?.token) {
    values.push(credential.token, Buffer.from(credential.token).toString("base64"));
    for (const forge of ["github", "gitlab", "gitea"] as const) {
      const pair = basicAuthPair(credential.token, forge);
      values.push(Buffer.from(`${pair.username}:${pair.password}`).toString("base64"));
    }
  }
  if (credential?.sshKey) values.push(...credential.sshKey.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= 16));
  return values.filter((v) => v.length >= 4).reduce((out, v) => out.replaceAll(v, "***"), text);
}
