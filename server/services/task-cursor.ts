import { AppError } from "../http/errors";

export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  const [at, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", [{ path: ["cursor"], message: "invalid cursor" }]);
  }
  return { createdAt, id };
}
