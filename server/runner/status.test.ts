import { describe, expect, it } from "vitest";
import { deriveTaskStatus } from "./status";

const derive = (attempts: Parameters<typeof deriveTaskStatus>[0]["attempts"], pendingApprovals = 0, applied = false) =>
  deriveTaskStatus({ attempts, pendingApprovals, applied });

describe("deriveTaskStatus", () => {
  it("follows queued → running → awaiting_approval → ready", () => {
    expect(derive(["queued", "queued"])).toBe("queued");
    expect(derive(["running", "queued"])).toBe("running");
    expect(derive(["running"], 1)).toBe("awaiting_approval");
    expect(derive(["completed", "completed"])).toBe("ready");
  });

  it("is ready when any attempt completed, error when none did, cancelled when all were", () => {
    expect(derive(["completed", "failed"])).toBe("ready");
    expect(derive(["failed", "cancelled"])).toBe("error");
    expect(derive(["cancelled", "cancelled"])).toBe("cancelled");
  });

  it("says applied once applied, whatever the attempts", () => {
    expect(derive(["completed"], 0, true)).toBe("applied");
  });
});
