import { describe, expect, it } from "vitest";
import { elapsed, timeAgo } from "./time";

const now = Date.parse("2026-12-02T12:00:00Z");
const before = (s: number) => new Date(now - s * 1000).toISOString();

describe("timeAgo", () => {
  it("leaves the last minute to the caller", () => expect(timeAgo(before(59), "en", now)).toBeNull());
  it("uses the largest whole unit", () => {
    expect(timeAgo(before(5 * 60), "en", now)).toBe("5 min. ago");
    expect(timeAgo(before(3 * 3600 + 59), "en", now)).toBe("3 hr. ago");
    expect(timeAgo(before(86_400), "en", now)).toBe("yesterday");
  });
  it("speaks Chinese", () => expect(timeAgo(before(5 * 60), "zh-CN", now)).toBe("5分钟前"));
  it("never goes into the future", () => expect(timeAgo(new Date(now + 90_000).toISOString(), "en", now)).toBeNull());
});

describe("elapsed", () => {
  it("formats seconds, minutes and hours", () => {
    expect(elapsed(42_400)).toBe("42 s");
    expect(elapsed(185_000)).toBe("3 min 05 s");
    expect(elapsed(3_720_000)).toBe("1 h 02 min");
  });
});
