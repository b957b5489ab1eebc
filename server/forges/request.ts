import type { z } from "zod";
import { FORGE_NAMES, ForgeError, type ForgeFailure } from "./errors";
import type { ForgeConfig } from "./types";

const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_REASON = 300;

export interface ForgeCall<T> {
  method: "GET" | "POST" | "PUT" | "PATCH";
  /** Below the API root, already encoded: `/repos/o/r/pulls`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  schema: z.ZodType<T>;
  /** What was asked, for messages: "open a pull request on o/r". */
  action: string;
}

export type ForgeClient = <T>(call: ForgeCall<T>) => Promise<T>;

export interface ForgeClientOptions extends ForgeConfig {
  /** The forge's authentication and media-type headers. */
  headers: Record<string, string>;
}

/** The API root as shown in messages: no credentials, no trailing slash. */
export function displayApiUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  url.username = "";
  url.password = "";
  return url.toString().replace(/\/+$/, "");
}

/**
 * JSON over the global fetch with a timeout. Redirects are not followed, so no header carrying
 * the token is ever sent to another host. Any failure becomes a ForgeError.
 */
export function forgeClient(opts: ForgeClientOptions): ForgeClient {
  const forge = FORGE_NAMES[opts.kind];
  const root = displayApiUrl(opts.apiUrl);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const redact = (text: string) => (opts.token ? text.split(opts.token).join("***") : text);
  const fail = (failure: ForgeFailure, message: string, status?: number) =>
    new ForgeError({ forge: opts.kind, failure, message: redact(message), status });

  return async <T>(call: ForgeCall<T>): Promise<T> => {
    const url = new URL(`${root}${call.path}`);
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: call.method,
        headers: { ...opts.headers, ...(call.body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw fail("unreachable", `Could not reach ${forge} at ${root}: ${networkReason(error, timeoutMs)}.`);
    }
    const json = parseJson(text);
    if (response.status >= 300) {
      const failure = failureFor(call.method, response);
      const reason = truncate(describeErrorBody(json) ?? (response.statusText || "no reason given"));
      throw fail(failure, failureMessage({ forge, root, failure, status: response.status, reason, action: call.action, response }), response.status);
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) throw fail("unexpected", `${forge} at ${root} answered in a way this server does not understand when asked to ${call.action}.`);
    return parsed.data;
  };
}

function failureFor(method: string, response: Response): ForgeFailure {
  const { status } = response;
  // GitHub answers 403 to an exhausted or secondary rate limit, with these headers.
  const limited = response.headers.get("x-ratelimit-remaining") === "0" || response.headers.has("retry-after");
  if (status === 429 || (status === 403 && limited)) return "rate_limited";
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return method === "GET" ? "not_found" : "rejected";
  if (status === 409) return "duplicate";
  return status >= 500 || status < 400 ? "unreachable" : "rejected";
}

interface FailureContext {
  forge: string;
  root: string;
  failure: ForgeFailure;
  status: number;
  reason: string;
  action: string;
  response: Response;
}

function failureMessage({ forge, root, failure, status, reason, action, response }: FailureContext): string {
  switch (failure) {
    case "unauthorized":
      return `${forge} refused the environment's token when asked to ${action} (${status}: ${reason}). Check the token in the environment's settings and its permissions.`;
    case "rate_limited":
      return `${forge} is rate limiting the environment's token (${status}: ${reason}); try again later.`;
    case "unreachable":
      if (status < 400) return `${forge} at ${root} redirected the request to ${response.headers.get("location") ?? "another address"}; set the environment's API URL to where the API is.`;
      return `Could not reach ${forge} at ${root}: it answered ${status} (${reason}).`;
    case "not_found":
      return `${forge} found nothing when asked to ${action} (${status}: ${reason}).`;
    default:
      return `${forge} refused to ${action} (${status}): ${reason}`;
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
  const code = e.cause?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "the connection was closed";
  return truncate(e.cause?.message ?? e.message ?? String(error));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The human part of any of the three forges' error bodies (message, errors, error_description). */
function describeErrorBody(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const body = json as Record<string, unknown>;
  const parts = [...texts(body.message), ...texts(body.errors), ...texts(body.error_description ?? body.error)];
  return parts.length > 0 ? parts.join("; ") : undefined;
}

function texts(value: unknown): string[] {
  if (typeof value === "string") return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value !== "object" || value === null) return [];
  const item = value as Record<string, unknown>;
  if (typeof item.message === "string") return [item.message];
  // GitHub's {resource, field, code} and GitLab's {field: [messages]}.
  if (typeof item.code === "string") return [[item.field, item.code].filter((s) => typeof s === "string").join(" ")];
  return Object.entries(item).flatMap(([field, messages]) => texts(messages).map((m) => `${field} ${m}`));
}

function truncate(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text;
}
