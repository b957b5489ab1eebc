import { ZodError } from "zod";
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from "@/lib/errors";
import { Prisma } from "../generated/prisma/client";
import { logger } from "../logger";

// The custom server and Next's route bundles load this module separately, so an AppError
// thrown by the supervisor (custom server graph) is not an `instanceof` the bundle's class.
// A global symbol brands every AppError whichever copy made it.
const APP_ERROR = Symbol.for("codex-cloud.AppError");

export class AppError extends Error {
  readonly [APP_ERROR] = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static is(error: unknown): error is AppError {
    return typeof error === "object" && error !== null && APP_ERROR in error;
  }
}

/** Prisma's known request errors, recognised by shape (the client may come from the other module graph). */
function prismaCode(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code;
  const e = error as { name?: unknown; code?: unknown } | null;
  return e?.name === "PrismaClientKnownRequestError" && typeof e.code === "string" ? e.code : undefined;
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found.`);

/** Maps anything thrown to the one error shape; unknown errors are logged, never exposed. */
export function toAppError(error: unknown): AppError {
  if (AppError.is(error)) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION_FAILED", "The request is not valid.", error.issues);
  }
  const code = prismaCode(error);
  if (code === "P2002") return new AppError("CONFLICT", "That already exists.");
  if (code === "P2025") return notFound();
  logger.error("unhandled error", { error });
  return new AppError("INTERNAL", "Something went wrong on our side.");
}

export function errorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  return body;
}

/** A rate-limited answer also says when to retry, in `Retry-After` as in the body's details. */
function retryAfter(error: AppError): HeadersInit | undefined {
  const seconds = error.code === "RATE_LIMITED" ? (error.details as { retryAfterSec?: unknown } | undefined)?.retryAfterSec : undefined;
  return typeof seconds === "number" ? { "retry-after": String(seconds) } : undefined;
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  return Response.json(errorBody(appError), { status: appError.status, headers: retryAfter(appError) });
}
