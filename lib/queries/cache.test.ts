import { describe, expect, it } from "vitest";
import type { TApproval } from "../schemas/approvals";
import type { TTaskSummary } from "../schemas/tasks";
import { matchesFilters, updateInPages, withApproval } from "./cache";

const task = (over: Partial<TTaskSummary> = {}): TTaskSummary => ({
  id: "t1", title: "Add a greeting", prompt: "/scenario edit\nAdd a greeting", environmentId: "e1", environmentLabel: "Repo",
  branch: "main", mode: "code", status: "running", attemptsTotal: 1, archived: false, createdAt: "", updatedAt: "",
  diffStats: { filesChanged: 0, linesAdded: 0, linesRemoved: 0 }, totalTokens: 0, ...over,
});
const pages = (...items: TTaskSummary[]) => ({ pages: [{ items, nextCursor: null }], pageParams: [""] });

describe("task list cache", () => {
  it("matches status, environment, search text and archived", () => {
    expect(matchesFilters(task(), { archived: false, q: "GREETING" })).toBe(true);
    expect(matchesFilters(task(), { archived: false, status: "ready" })).toBe(false);
    expect(matchesFilters(task(), { archived: false, environmentId: "e2" })).toBe(false);
    expect(matchesFilters(task(), { archived: true })).toBe(false);
  });

  it("replaces a listed task, drops one that left the filter, ignores unlisted ones", () => {
    const ready = task({ status: "ready" });
    expect(updateInPages(pages(task()), ready, { archived: false })?.pages[0]?.items).toEqual([ready]);
    expect(updateInPages(pages(task()), ready, { archived: false, status: "running" })?.pages[0]?.items).toEqual([]);
    expect(updateInPages(pages(), ready, { archived: false })).toBeUndefined();
  });
});

describe("withApproval", () => {
  const a = { id: "a1", status: "pending" } as TApproval;
  it("adds a pending approval once and removes it when resolved", () => {
    expect(withApproval(withApproval([], a), a)).toEqual([a]);
    expect(withApproval([a], { ...a, status: "accepted" })).toEqual([]);
  });
});
