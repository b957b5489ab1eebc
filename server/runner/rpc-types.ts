import type { ApplyPatchApprovalResponse } from "../generated/codex-protocol/ApplyPatchApprovalResponse";
import type { ClientRequest } from "../generated/codex-protocol/ClientRequest";
import type { ExecCommandApprovalResponse } from "../generated/codex-protocol/ExecCommandApprovalResponse";
import type { InitializeResponse } from "../generated/codex-protocol/InitializeResponse";
import type { RequestId } from "../generated/codex-protocol/RequestId";
import type { ServerNotification } from "../generated/codex-protocol/ServerNotification";
import type { ServerRequest } from "../generated/codex-protocol/ServerRequest";
import type { AttestationGenerateResponse } from "../generated/codex-protocol/v2/AttestationGenerateResponse";
import type { ChatgptAuthTokensRefreshResponse } from "../generated/codex-protocol/v2/ChatgptAuthTokensRefreshResponse";
import type { CommandExecutionRequestApprovalResponse } from "../generated/codex-protocol/v2/CommandExecutionRequestApprovalResponse";
import type { ConfigReadResponse } from "../generated/codex-protocol/v2/ConfigReadResponse";
import type { DynamicToolCallResponse } from "../generated/codex-protocol/v2/DynamicToolCallResponse";
import type { FileChangeRequestApprovalResponse } from "../generated/codex-protocol/v2/FileChangeRequestApprovalResponse";
import type { McpServerElicitationRequestResponse } from "../generated/codex-protocol/v2/McpServerElicitationRequestResponse";
import type { PermissionsRequestApprovalResponse } from "../generated/codex-protocol/v2/PermissionsRequestApprovalResponse";
import type { ThreadReadResponse } from "../generated/codex-protocol/v2/ThreadReadResponse";
import type { ThreadResumeResponse } from "../generated/codex-protocol/v2/ThreadResumeResponse";
import type { ThreadStartResponse } from "../generated/codex-protocol/v2/ThreadStartResponse";
import type { ToolRequestUserInputResponse } from "../generated/codex-protocol/v2/ToolRequestUserInputResponse";
import type { TurnInterruptResponse } from "../generated/codex-protocol/v2/TurnInterruptResponse";
import type { TurnStartResponse } from "../generated/codex-protocol/v2/TurnStartResponse";
import type { TurnSteerResponse } from "../generated/codex-protocol/v2/TurnSteerResponse";

// Method-to-type maps over the generated protocol. The generator emits request and param types
// but not which response belongs to which method; these tables say it.

export type { RequestId, ServerNotification, ServerRequest };

export type ClientMethod = ClientRequest["method"];
export type ClientParams<M extends ClientMethod> = Extract<ClientRequest, { method: M }>["params"];

/** Responses of the client requests the runner makes; other methods resolve to `unknown`. */
interface ClientResponses {
  initialize: InitializeResponse;
  "thread/start": ThreadStartResponse;
  "thread/resume": ThreadResumeResponse;
  "thread/read": ThreadReadResponse;
  "turn/start": TurnStartResponse;
  "turn/steer": TurnSteerResponse;
  "turn/interrupt": TurnInterruptResponse;
  "config/read": ConfigReadResponse;
}
export type ClientResult<M extends ClientMethod> = M extends keyof ClientResponses ? ClientResponses[M] : unknown;

/** Every server request method must be listed: a new one in the protocol fails type-checking. */
interface ServerResponses {
  "item/commandExecution/requestApproval": CommandExecutionRequestApprovalResponse;
  "item/fileChange/requestApproval": FileChangeRequestApprovalResponse;
  "item/tool/requestUserInput": ToolRequestUserInputResponse;
  "mcpServer/elicitation/request": McpServerElicitationRequestResponse;
  "item/permissions/requestApproval": PermissionsRequestApprovalResponse;
  "item/tool/call": DynamicToolCallResponse;
  "account/chatgptAuthTokens/refresh": ChatgptAuthTokensRefreshResponse;
  "attestation/generate": AttestationGenerateResponse;
  applyPatchApproval: ApplyPatchApprovalResponse;
  execCommandApproval: ExecCommandApprovalResponse;
}
export type ServerRequestMethod = ServerRequest["method"];
export type ServerRequestResult<M extends ServerRequestMethod = ServerRequestMethod> = ServerResponses[M];

/** JSON-RPC error object (the framing is JSON-RPC 2.0 without the "jsonrpc" field). */
export interface RpcErrorBody {
  code: number;
  message: string;
  data?: unknown;
}

export type RpcResponse = { id: RequestId; result: unknown } | { id: RequestId; error: RpcErrorBody };
