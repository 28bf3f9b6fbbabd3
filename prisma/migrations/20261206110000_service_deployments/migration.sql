-- CreateTable
CREATE TABLE "monitor_service_deployments" (
    "id" BIGSERIAL NOT NULL,
    "environment_id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "service_deployment_arn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "lifecycle_stage" TEXT,
    "body" JSONB NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "monitor_service_deployments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "monitor_service_deployments_dedup_key" ON "monitor_service_deployments"("environment_id", "cluster", "key");

-- CreateIndex
CREATE INDEX "monitor_service_deployments_service_idx" ON "monitor_service_deployments"("environment_id", "cluster", "service_name", "observed_at");

-- CreateIndex
CREATE INDEX "monitor_service_deployments_recorded_idx" ON "monitor_service_deployments"("recorded_at");
