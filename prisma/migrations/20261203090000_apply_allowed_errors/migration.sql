-- AlterTable
ALTER TABLE "applies" ADD COLUMN     "allowed_errors" JSONB;
