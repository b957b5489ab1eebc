-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('read', 'tasks', 'admin');

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "scope" "TokenScope" NOT NULL DEFAULT 'admin';
