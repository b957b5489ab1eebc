-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "ownerId" TEXT;

-- CreateIndex
CREATE INDEX "AuditLog_ownerId_at_idx" ON "AuditLog"("ownerId", "at" DESC);
