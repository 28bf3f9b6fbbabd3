-- CreateTable
CREATE TABLE "monitor_leases" (
    "environment_id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "acquired_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "monitor_leases_pkey" PRIMARY KEY ("environment_id","cluster")
);

-- CreateTable
CREATE TABLE "monitor_snapshots" (
    "environment_id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "snapshot" JSON,
    "error" TEXT,
    "interval_ms" INTEGER NOT NULL,
    "calls" JSON NOT NULL,
    "holder" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "monitor_snapshots_pkey" PRIMARY KEY ("environment_id","cluster")
);

-- CreateTable
CREATE TABLE "monitor_events" (
    "id" BIGSERIAL NOT NULL,
    "environment_id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "message" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "monitor_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitor_task_states" (
    "id" BIGSERIAL NOT NULL,
    "environment_id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "task_arn" TEXT NOT NULL,
    "task_id" TEXT NOT NULL,
    "service_name" TEXT,
    "last_status" TEXT NOT NULL,
    "desired_status" TEXT NOT NULL,
    "health_status" TEXT,
    "task_definition_arn" TEXT,
    "availability_zone" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "stopped_at" TIMESTAMPTZ(3),
    "stop_code" TEXT,
    "stopped_reason" TEXT,
    "stop_category" TEXT,
    "explanation" TEXT,
    "containers" JSONB NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "monitor_task_states_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitor_deployments" (
    "id" BIGSERIAL NOT NULL,
    "environment_id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rollout_state" TEXT,
    "rollout_state_reason" TEXT,
    "task_definition" TEXT,
    "desired_count" INTEGER NOT NULL,
    "running_count" INTEGER NOT NULL,
    "failed_tasks" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "monitor_deployments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitor_samples" (
    "id" BIGSERIAL NOT NULL,
    "environment_id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "desired" INTEGER NOT NULL,
    "running" INTEGER NOT NULL,
    "pending" INTEGER NOT NULL,

    CONSTRAINT "monitor_samples_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "monitor_events_service_idx" ON "monitor_events"("environment_id", "cluster", "service_name", "created_at");

-- CreateIndex
CREATE INDEX "monitor_events_recorded_idx" ON "monitor_events"("recorded_at");

-- CreateIndex
CREATE UNIQUE INDEX "monitor_events_dedup_key" ON "monitor_events"("environment_id", "cluster", "key");

-- CreateIndex
CREATE INDEX "monitor_task_states_service_idx" ON "monitor_task_states"("environment_id", "cluster", "service_name", "observed_at");

-- CreateIndex
CREATE INDEX "monitor_task_states_recorded_idx" ON "monitor_task_states"("recorded_at");

-- CreateIndex
CREATE UNIQUE INDEX "monitor_task_states_dedup_key" ON "monitor_task_states"("environment_id", "cluster", "key");

-- CreateIndex
CREATE INDEX "monitor_deployments_service_idx" ON "monitor_deployments"("environment_id", "cluster", "service_name", "updated_at");

-- CreateIndex
CREATE INDEX "monitor_deployments_recorded_idx" ON "monitor_deployments"("recorded_at");

-- CreateIndex
CREATE UNIQUE INDEX "monitor_deployments_dedup_key" ON "monitor_deployments"("environment_id", "cluster", "key");

-- CreateIndex
CREATE INDEX "monitor_samples_service_idx" ON "monitor_samples"("environment_id", "cluster", "service_name", "at");
