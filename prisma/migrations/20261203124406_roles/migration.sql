-- Roles are "admin" and "member" (was "user"). Written by hand: the generated migration
-- recreated the enum and cast every row's text, which fails for the existing 'user' rows.
-- Renaming the value keeps every row and the column default (an enum default is stored by
-- the value's identity, not its label).
ALTER TYPE "Role" RENAME VALUE 'user' TO 'member';

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'member';
