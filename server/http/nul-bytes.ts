import { AppError } from "./errors";

type Path = Array<string | number>;

function findNul(value: unknown, path: Path): Path | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(key, [...path, key]) ?? findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000, so a NUL byte anywhere in a request (path parameter,
 * query, body, socket payload) is refused up front with 400 instead of failing in the database.
 */
export function assertNoNulBytes(value: unknown, where: string): void {
  const path = findNul(value, [where]);
  if (!path) return;
  const message = "Text must not contain NUL (U+0000) characters.";
  throw new AppError("VALIDATION_FAILED", message, [{ code: "invalid_string", path, message }]);
}
