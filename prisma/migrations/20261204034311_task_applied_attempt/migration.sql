-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "appliedAttempt" INTEGER;
