import { AppError } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body: 413 past MAX_BODY_BYTES, 400 when it is not JSON. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  if (text.trim() === "") throw new AppError("VALIDATION_FAILED", "The request needs a JSON body.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION_FAILED", "The request body is not valid JSON.");
  }
}

function tooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
}
