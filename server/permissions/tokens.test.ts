import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { assertScope, scopeAllows } from "./tokens";

const actor = (via: Actor["via"], scope?: Actor["scope"]): Actor => ({ userId: "u", email: "u@example.test", role: "admin", via, scope });

describe("token scopes", () => {
  it("each scope covers the narrower ones; a session covers everything", () => {
    expect(["read", "tasks", "admin"].map((needed) => scopeAllows(actor("token", "read"), needed as "read"))).toEqual([true, false, false]);
    expect(["read", "tasks", "admin"].map((needed) => scopeAllows(actor("token", "tasks"), needed as "read"))).toEqual([true, true, false]);
    expect(["read", "tasks", "admin"].map((needed) => scopeAllows(actor("token", "admin"), needed as "read"))).toEqual([true, true, true]);
    expect(scopeAllows(actor("session"), "admin")).toBe(true);
  });

  it("a token without a known scope may only read, and the refusal names both scopes", () => {
    expect(scopeAllows(actor("token"), "read")).toBe(true);
    expect(() => assertScope(actor("token", "tasks"), "admin")).toThrow(/"tasks".*"admin"/);
  });
});
