import { describe, expect, it } from "vitest";
import { attemptFromParam, attemptParam } from "./attempt";

describe("attempt in the URL", () => {
  it("is 1-based for people and 0-based for the API", () => {
    expect(attemptFromParam("1", 3)).toBe(0);
    expect(attemptFromParam("3", 3)).toBe(2);
    expect(attemptParam(1)).toBe("2");
  });
  it("names no attempt when the value is missing, out of range or not a number", () => {
    for (const value of [null, "", "0", "4", "-1", "1.5", "02", "x", "9999"]) expect(attemptFromParam(value, 3), String(value)).toBeUndefined();
  });
});
