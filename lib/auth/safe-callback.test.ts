import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it.each(["/\\evil.example/x", "/\t/evil.example", "//evil.example", "https://evil.example", "/\\/evil", "", undefined, "javascript:alert(1)"])(
    "sends %j home",
    (url) => expect(safeCallback(url)).toBe("/"),
  );

  it("keeps a path of our own, with its query and hash", () => {
    expect(safeCallback("/tasks/abc?attempt=2#diff")).toBe("/tasks/abc?attempt=2#diff");
  });
});
