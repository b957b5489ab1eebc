import type { CodexPeer } from "./codex-peer";
import { CodexPeerError, describeExit } from "./peer-error";
import type { ServerNotification } from "./rpc-types";

export type NotificationMethod = ServerNotification["method"];
export type NotificationParams<M extends NotificationMethod> = Extract<ServerNotification, { method: M }>["params"];

/**
 * Resolves with the params of the next `method` notification that `match` accepts; rejects on
 * timeout or when the process exits first.
 */
export function nextNotification<M extends NotificationMethod>(
  peer: CodexPeer,
  opts: { method: M; match?: (params: NotificationParams<M>) => boolean; timeoutMs?: number },
): Promise<NotificationParams<M>> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const found = new Promise<unknown>((resolve, reject) => {
    const done = () => (clearTimeout(timer), offNotification(), offExit());
    const timer = setTimeout(() => {
      done();
      reject(new CodexPeerError("timeout", `no ${opts.method} notification within ${timeoutMs} ms`));
    }, timeoutMs);
    const offNotification = peer.onNotification((n) => {
      if (n.method !== opts.method) return;
      if (opts.match && !opts.match(n.params as NotificationParams<M>)) return;
      done();
      resolve(n.params);
    });
    const offExit = peer.onExit((exit) => {
      done();
      reject(new CodexPeerError("exited", describeExit(exit), { exit }));
    });
  });
  return found as Promise<NotificationParams<M>>;
}
