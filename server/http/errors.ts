import { ZodError } from "zod";
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from "@/lib/errors";
import { Prisma } from "../generated/prisma/client";
import { logger } from "../logger";

export class AppError extends Error {
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
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found.`);

/** Maps anything thrown to the one error shape; unknown errors are logged, never exposed. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION_FAILED", "The request is not valid.", error.issues);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return new AppError("CONFLICT", "That already exists.");
    if (error.code === "P2025") return notFound();
  }
  logger.error("unhandled error", { error });
  return new AppError("INTERNAL", "Something went wrong on our side.");
}

export function errorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  return body;
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  return Response.json(errorBody(appError), { status: appError.status });
}
