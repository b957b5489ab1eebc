import type { SandboxNetwork } from "./spec";
import { SOCKET_DIR } from "./spec";

// Inside the sandbox, `socat` listens on a loopback port per bridge and passes each connection to
// the server's Unix socket. The wrapper waits until every port listens (read from /proc/net/tcp,
// so no connection is made), then execs the command: it never races the first request.

const hexPort = (port: number) => port.toString(16).toUpperCase().padStart(4, "0");

/** `sh -c` script and arguments that start the bridges, then exec the command given after it. */
export function bridgeWrapper(network: SandboxNetwork): string[] {
  const lines = network.bridges.map(
    (b) => `socat TCP-LISTEN:${b.port},bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:${SOCKET_DIR}/${b.socket} </dev/null >/dev/null 2>&1 &`,
  );
  const ready = network.bridges.map((b) => `grep -q '0100007F:${hexPort(b.port)} 00000000:0000 0A' /proc/net/tcp`).join(" && ");
  lines.push(`i=0; until ${ready}; do i=$((i+1)); [ $i -gt 1000 ] && { echo 'codex-cloud: the network bridge did not start' >&2; exit 97; }; sleep 0.01; done`);
  lines.push('exec "$@"');
  return ["/bin/sh", "-c", lines.join("\n"), "codex-cloud-bridge"];
}
