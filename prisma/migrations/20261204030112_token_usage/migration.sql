-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "cachedInputTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "inputTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "outputTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reasoningTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "totalTokens" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "totalTokens" INTEGER NOT NULL DEFAULT 0;

-- Existing attempts: their thread's last reported usage, from the event log.
UPDATE "Attempt" a SET
  "inputTokens" = COALESCE((u.total->>'inputTokens')::int, 0),
  "cachedInputTokens" = COALESCE((u.total->>'cachedInputTokens')::int, 0),
  "outputTokens" = COALESCE((u.total->>'outputTokens')::int, 0),
  "reasoningTokens" = COALESCE((u.total->>'reasoningOutputTokens')::int, 0),
  "totalTokens" = COALESCE((u.total->>'totalTokens')::int, 0)
FROM (
  SELECT DISTINCT ON ("taskId", "attempt") "taskId", "attempt", "data"->'tokenUsage'->'total' AS total
  FROM "TaskEvent" WHERE "type" = 'thread/tokenUsage/updated' AND "attempt" IS NOT NULL
  ORDER BY "taskId", "attempt", "seq" DESC
) u
WHERE a."taskId" = u."taskId" AND a."index" = u."attempt";

UPDATE "Task" t SET "totalTokens" = s.total
FROM (SELECT "taskId", SUM("totalTokens")::int AS total FROM "Attempt" GROUP BY "taskId") s
WHERE t.id = s."taskId";
