-- Protected environments: approvals needed before an apply, and how long an approval counts.
ALTER TABLE "environments" ADD COLUMN "protected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "required_approvals" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "approval_expiry_minutes" INTEGER NOT NULL DEFAULT 60;

-- CreateTable
CREATE TABLE "environment_grants" (
    "id" UUID NOT NULL,
    "environment_id" UUID NOT NULL,
    "subject_kind" VARCHAR(10) NOT NULL,
    "subject" VARCHAR(254) NOT NULL,
    "role" VARCHAR(20) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "environment_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "apply_requests" (
    "id" UUID NOT NULL,
    "design_id" UUID NOT NULL,
    "design_version" INTEGER NOT NULL,
    "environment_id" UUID NOT NULL,
    "plan_hash" VARCHAR(64) NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "plan" JSON NOT NULL,
    "wait_for_steady" BOOLEAN NOT NULL DEFAULT false,
    "allow_errors" BOOLEAN NOT NULL DEFAULT false,
    "requested_by" UUID NOT NULL,
    "requested_by_email" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "required_approvals" INTEGER NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "reason" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "apply_id" UUID,

    CONSTRAINT "apply_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "apply_approvals" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "approver_id" UUID NOT NULL,
    "approver_email" TEXT NOT NULL,
    "decision" VARCHAR(10) NOT NULL,
    "reason" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "apply_approvals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_reauthentications" (
    "session_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_reauthentications_pkey" PRIMARY KEY ("session_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "environment_grants_environment_id_subject_kind_subject_role_key" ON "environment_grants"("environment_id", "subject_kind", "subject", "role");

-- CreateIndex
CREATE INDEX "apply_requests_environment_id_status_idx" ON "apply_requests"("environment_id", "status");

-- CreateIndex
CREATE INDEX "apply_requests_design_id_requested_at_idx" ON "apply_requests"("design_id", "requested_at");

-- CreateIndex
CREATE UNIQUE INDEX "apply_approvals_request_id_approver_id_key" ON "apply_approvals"("request_id", "approver_id");

-- AddForeignKey
ALTER TABLE "environment_grants" ADD CONSTRAINT "environment_grants_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apply_approvals" ADD CONSTRAINT "apply_approvals_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "apply_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;
