import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertNoNulBytes } from "./nul-bytes";

function issuePath(value: unknown): unknown {
  try {
    assertNoNulBytes(value, "body");
    return null;
  } catch (error) {
    expect(AppError.is(error) && error.code).toBe("VALIDATION_FAILED");
    return ((error as AppError).details as Array<{ path: unknown }>)[0]?.path;
  }
}

describe("assertNoNulBytes", () => {
  it("finds a NUL in strings, nested values and keys, and names where it is", () => {
    expect(issuePath("a\u0000b")).toEqual(["body"]);
    expect(issuePath({ model: { apiKey: "x\u0000" } })).toEqual(["body", "model", "apiKey"]);
    expect(issuePath({ list: ["ok", "\u0000"] })).toEqual(["body", "list", 1]);
    expect(issuePath({ "k\u0000": 1 })).toEqual(["body", "k\u0000"]);
  });

  it("lets everything else through, odd unicode included", () => {
    for (const value of [null, 0, "", "😀\u202e\ud800", { a: [1, "b", { c: "\\u0000" }] }, "%00"]) {
      expect(issuePath(value)).toBeNull();
    }
  });
});
