import { lstatSync, readlinkSync } from "node:fs";

// The host's system folders as a sandbox sees them: /usr and its links read-only, and a minimal
// /etc made of harmless host files plus our own passwd, group and hosts. No host profile, shell
// rc, gitconfig, npmrc or credentials: a task's shell starts clean.

const TOP_LEVEL = ["bin", "sbin", "lib", "lib32", "lib64", "libx32"];

/** Host /etc entries a toolchain needs (certificates, the dynamic linker, name service rules). */
const ETC = [
  "alternatives", "ca-certificates", "ca-certificates.conf", "ssl", "pki", "crypto-policies",
  "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "nsswitch.conf",
  "protocols", "services", "mime.types", "gai.conf", "host.conf", "os-release", "debian_version",
  "java-17-openjdk", "python3", "perl",
];

export const TASK_HOSTNAME = "codex-task";
export const TASK_USER = "codex";

/** bwrap arguments for /usr, its top-level links and the copied part of /etc. */
export function systemArgs(): string[] {
  const args = ["--ro-bind", "/usr", "/usr"];
  for (const name of TOP_LEVEL) {
    const host = `/${name}`;
    try {
      const stat = lstatSync(host);
      if (stat.isSymbolicLink()) args.push("--symlink", readlinkSync(host), host);
      else if (stat.isDirectory()) args.push("--ro-bind", host, host);
    } catch {
      // Not on this system.
    }
  }
  args.push("--dir", "/etc");
  for (const name of ETC) args.push("--ro-bind-try", `/etc/${name}`, `/etc/${name}`);
  return args;
}

/** The files of /etc that describe the sandbox itself: its one user, its name, no DNS. */
export function identityFiles(opts: { uid: number; gid: number; home: string }): { path: string; content: string }[] {
  return [
    {
      path: "/etc/passwd",
      content: `root:x:0:0:root:/root:/usr/sbin/nologin\n${TASK_USER}:x:${opts.uid}:${opts.gid}:Codex task:${opts.home}:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n`,
    },
    { path: "/etc/group", content: `root:x:0:\n${TASK_USER}:x:${opts.gid}:\nnogroup:x:65534:\n` },
    { path: "/etc/hostname", content: `${TASK_HOSTNAME}\n` },
    { path: "/etc/hosts", content: `127.0.0.1 localhost ${TASK_HOSTNAME}\n::1 localhost ip6-localhost\n` },
    { path: "/etc/resolv.conf", content: "" },
  ];
}
