-- CreateEnum
CREATE TYPE "ForgeKind" AS ENUM ('github', 'gitlab', 'gitea');

-- AlterTable
ALTER TABLE "Environment" ADD COLUMN     "forgeApiUrl" TEXT,
ADD COLUMN     "forgeKind" "ForgeKind",
ADD COLUMN     "gitSshKey" TEXT,
ADD COLUMN     "gitToken" TEXT;
