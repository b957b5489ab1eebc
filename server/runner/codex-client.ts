import type { ClientInfo } from "../generated/codex-protocol/ClientInfo";
import type { InitializeResponse } from "../generated/codex-protocol/InitializeResponse";
import type { ThreadResumeParams } from "../generated/codex-protocol/v2/ThreadResumeParams";
import type { ThreadResumeResponse } from "../generated/codex-protocol/v2/ThreadResumeResponse";
import type { ThreadStartParams } from "../generated/codex-protocol/v2/ThreadStartParams";
import type { ThreadStartResponse } from "../generated/codex-protocol/v2/ThreadStartResponse";
import type { TurnInterruptParams } from "../generated/codex-protocol/v2/TurnInterruptParams";
import type { TurnStartParams } from "../generated/codex-protocol/v2/TurnStartParams";
import type { TurnStartResponse } from "../generated/codex-protocol/v2/TurnStartResponse";
import { CodexPeer, type CodexPeerOptions } from "./codex-peer";
import type { ServerNotification } from "./rpc-types";

// Typed helpers for the requests the runner makes, over the generated protocol types.

export const CLIENT_INFO: ClientInfo = { name: "codex_cloud", title: "Codex Cloud", version: "0.1.0" };

/** The handshake: `initialize`, then the `initialized` notification. */
export async function initialize(peer: CodexPeer, clientInfo: ClientInfo = CLIENT_INFO): Promise<InitializeResponse> {
  const response = await peer.request("initialize", { clientInfo, capabilities: null });
  peer.notify("initialized");
  return response;
}

export interface OpenCodexOptions extends CodexPeerOptions {
  clientInfo?: ClientInfo;
  /** Attached before the handshake, so notifications sent during it (configWarning) are seen. */
  onNotification?: (notification: ServerNotification) => void;
}

/** Spawns an app-server and completes the handshake; the process is stopped if that fails. */
export async function openCodex(opts: OpenCodexOptions): Promise<{ peer: CodexPeer; info: InitializeResponse }> {
  const peer = await CodexPeer.spawn(opts);
  if (opts.onNotification) peer.onNotification(opts.onNotification);
  try {
    return { peer, info: await initialize(peer, opts.clientInfo) };
  } catch (error) {
    await peer.close({ graceMs: 500 });
    throw error;
  }
}

export function startThread(peer: CodexPeer, params: ThreadStartParams): Promise<ThreadStartResponse> {
  return peer.request("thread/start", params);
}

/** Loads a thread from its rollout under CODEX_HOME (works in a new process). */
export function resumeThread(peer: CodexPeer, params: ThreadResumeParams): Promise<ThreadResumeResponse> {
  return peer.request("thread/resume", params);
}

export type StartTurnOptions = Omit<TurnStartParams, "input"> & { text: string };

/** Starts a turn with one text input; progress arrives as notifications. */
export function startTurn(peer: CodexPeer, { text, ...params }: StartTurnOptions): Promise<TurnStartResponse> {
  return peer.request("turn/start", { ...params, input: [{ type: "text", text, text_elements: [] }] });
}

/** Asks the running turn to stop; it then completes with status `interrupted`. */
export async function interruptTurn(peer: CodexPeer, params: TurnInterruptParams): Promise<void> {
  await peer.request("turn/interrupt", params);
}
