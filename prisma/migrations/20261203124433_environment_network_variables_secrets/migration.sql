-- CreateEnum
CREATE TYPE "InternetAccess" AS ENUM ('off', 'setup', 'on');

-- AlterTable
ALTER TABLE "Environment" ADD COLUMN     "allowedDomains" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "internet" "InternetAccess" NOT NULL DEFAULT 'setup',
ADD COLUMN     "secrets" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "variables" JSONB NOT NULL DEFAULT '[]';
