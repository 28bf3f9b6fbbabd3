-- AlterTable
ALTER TABLE "applies" ADD COLUMN     "heartbeat_at" TIMESTAMPTZ(3) DEFAULT now(),
ADD COLUMN     "owner" TEXT,
ADD COLUMN     "wait_for_steady" BOOLEAN NOT NULL DEFAULT false;

-- An apply still "running" here was started by a server without heartbeats, which is stopping
-- for this migration: nothing will finish it, so it is interrupted (and can be resumed). This
-- also leaves at most one running apply per design and environment for the index below.
UPDATE "applies" SET "status" = 'interrupted', "heartbeat_at" = NULL,
    "error" = 'Interrupted: the server stopped while this apply ran. Resume it to finish what is left.'
WHERE "status" = 'running';

-- CreateIndex
CREATE UNIQUE INDEX "applies_one_running_key" ON "applies"("design_id", "environment_id") WHERE (status = 'running');
