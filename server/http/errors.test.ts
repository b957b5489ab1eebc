import { ZodError, z } from "zod";
import { describe, expect, it } from "vitest";
import { AppError, errorBody, toAppError } from "./errors";

describe("toAppError", () => {
  it("keeps AppErrors, also one made by another copy of the module (other module graph)", () => {
    const own = new AppError("CONFLICT", "taken");
    expect(toAppError(own)).toBe(own);
    const foreign = Object.assign(new Error("Attempt 3 not found."), { [Symbol.for("codex-cloud.AppError")]: true, code: "NOT_FOUND", status: 404 });
    expect(toAppError(foreign)).toBe(foreign);
  });

  it("maps zod errors to 400 with the issues, Prisma's unique and not-found errors by code", () => {
    const zod = z.object({ a: z.string() }).safeParse({}).error as ZodError;
    expect(toAppError(zod)).toMatchObject({ code: "VALIDATION_FAILED", status: 400, details: zod.issues });
    const unique = Object.assign(new Error("Unique constraint failed"), { name: "PrismaClientKnownRequestError", code: "P2002" });
    expect(toAppError(unique)).toMatchObject({ code: "CONFLICT", status: 409 });
    const missing = Object.assign(new Error("No record"), { name: "PrismaClientKnownRequestError", code: "P2025" });
    expect(toAppError(missing)).toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  it("hides anything else behind INTERNAL with no detail", () => {
    const error = toAppError(new Error('relation "User" does not exist at SELECT * FROM secret'));
    expect(errorBody(error)).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side." } });
  });
});
