// OpenSSH's sshd on a loopback port for tests: key authentication only, as the current user,
// serving the bare repositories under `root` (ssh://user@127.0.0.1:PORT/<root>/<name>.git).
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort, untilListening } from "./git-daemon";

const run = promisify(execFile);
export const SSHD = "/usr/sbin/sshd";

export interface TestSshServer {
  /** The private key sshd accepts (OpenSSH format). */
  clientKey: string;
  /** Another private key, which sshd refuses. */
  otherKey: string;
  repoUrl(name: string): string;
  close(): Promise<void>;
}

async function keyPair(dir: string, name: string): Promise<{ key: string; pub: string }> {
  const file = path.join(dir, name);
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", file]);
  return { key: await readFile(file, "utf8"), pub: await readFile(`${file}.pub`, "utf8") };
}

export async function startSshServer(root: string): Promise<TestSshServer> {
  const dir = await mkdtemp(path.join(tmpdir(), "codex-sshd-"));
  const port = await freePort();
  await keyPair(dir, "host_key");
  const client = await keyPair(dir, "client");
  const other = await keyPair(dir, "other");
  await writeFile(path.join(dir, "authorized_keys"), client.pub, { mode: 0o600 });
  const user = userInfo().username;
  const config = [
    `Port ${port}`, "ListenAddress 127.0.0.1", `HostKey ${dir}/host_key`, `PidFile ${dir}/sshd.pid`,
    `AuthorizedKeysFile ${dir}/authorized_keys`, "StrictModes no", "PasswordAuthentication no",
    "KbdInteractiveAuthentication no", "UsePAM no", "PermitRootLogin prohibit-password", `AllowUsers ${user}`,
  ];
  await writeFile(path.join(dir, "sshd_config"), `${config.join("\n")}\n`);
  // As root, sshd wants its privilege-separation folder.
  if (process.getuid?.() === 0 && !existsSync("/run/sshd")) await mkdir("/run/sshd", { recursive: true, mode: 0o755 });
  let output = "";
  const child = spawn(SSHD, ["-D", "-e", "-f", path.join(dir, "sshd_config")]);
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  await untilListening(port, child, () => output);
  return {
    clientKey: client.key,
    otherKey: other.key,
    repoUrl: (name) => `ssh://${user}@127.0.0.1:${port}${path.join(root, `${name}.git`)}`,
    async close() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
