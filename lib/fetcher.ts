import { ApiError, type ErrorBody, type ErrorCode } from "./errors";

/** fetch for our API: JSON in and out, throws ApiError with the server's error body. */
export async function apiFetch<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    headers: { ...(json === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as Partial<ErrorBody> | null)?.error;
    throw new ApiError(
      response.status,
      (error?.code ?? "INTERNAL") as ErrorCode,
      error?.message ?? `Request failed (${response.status}).`,
      error?.details,
    );
  }
  return body as T;
}
